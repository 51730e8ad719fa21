package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bitrix24 portal for end-to-end tests, as a WireMock transformer named {@value #NAME}: answers {@code batch} through
 * {@link PortalCommands} and crm.&lt;entity&gt;.userfield.add by remembering the field. Its {@link #companies} answer
 * crm.company.list, as a plain call and as batch commands (with {@code result_total} and {@code result_next}); an
 * update of a company it does not hold fails with {@code NOT_FOUND}, and an added company keeps its {@code WEB}.
 * Options a benchmark sets, off by default: a latency for every answer and the enforced leaky bucket
 * ({@link PortalBucket}); {@link PortalTraffic} counts what arrived per method.
 */
final class FakePortal implements ResponseDefinitionTransformerV2 {
  static final String NAME = "bitrix24-portal";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern USERFIELD = Pattern.compile(".*/crm\\.(\\w+)\\.userfield\\.add$");

  private final AtomicLong nextId = new AtomicLong(50_000);
  /** To-dos added so far: id → description (which ends with the connector's task marker). */
  final Map<Long, String> todos = new ConcurrentHashMap<>();
  /** The next this many batches holding crm.activity.todo.add run, then are answered with a connection reset. */
  volatile int loseTodoBatches;

  /** Seeded contacts and the user-field values written; empty, findbycomm answers any {@code u<n>@example.com}. */
  final FakeItems items = new FakeItems();
  final FakeUserFields userFields = new FakeUserFields(nextId);
  final PortalFaults faults = new PortalFaults();
  /** Requests answered, faults included. */
  final AtomicInteger calls = new AtomicInteger();

  void reset() {
    todos.clear();
    userFields.clear();
    loseTodoBatches = 0;
    items.clear();
    faults.lift();
    faults.resetInjected();
    calls.set(0);
  }

  final FakeCompanies companies = new FakeCompanies();
  private final PortalCommands commands = new PortalCommands(this, nextId);

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  /** Every answer, refusals included, comes after this (0 by default): a benchmark's network and server. */
  volatile int latencyMillis;
  final PortalBucket bucket = new PortalBucket();
  final PortalTraffic traffic = new PortalTraffic();

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String url = event.getRequest().getUrl();
    JsonNode body;
    try {
      body = JSON.readTree(event.getRequest().getBodyAsString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ResponseDefinition answer = serve(url, body);
    traffic.record(url, body, answer.getStatus(), System.nanoTime());
    return latencyMillis > 0 ? ResponseDefinitionBuilder.like(answer).withFixedDelay(latencyMillis).build() : answer;
  }

  /** Faults first, then the bucket (a refused request changes nothing), then the method itself. */
  private ResponseDefinition serve(String url, JsonNode body) {
    calls.incrementAndGet();
    ResponseDefinition fault = faults.before();
    if (fault != null) {
      return fault;
    }
    if (!bucket.admit(System.nanoTime())) {
      return PortalFaults.queryLimitExceeded();
    }
    try {
      Matcher userfield = USERFIELD.matcher(url);
      ObjectNode answer = JSON.createObjectNode();
      if (userfield.matches()) {
        userFields.add(userfield.group(1), body.path("fields"));
        answer.put("result", nextId.incrementAndGet());
      } else if (url.endsWith("/crm.company.list")) {
        FakeCompanies.Page page = companies.list(body);
        answer.set("result", page.rows());
        answer.put("total", page.total());
        if (page.next() != null) {
          answer.put("next", page.next());
        }
      } else {
        answer.set("result", commands.batch(body.path("cmd")));
        if (faults.loses(body.path("cmd").toString())) {
          return PortalFaults.reset();
        }
        if (body.path("cmd").toString().contains("crm.activity.todo.add") && loseTodoBatches > 0) {
          loseTodoBatches--;
          return new ResponseDefinitionBuilder().withFault(com.github.tomakehurst.wiremock.http.Fault
              .CONNECTION_RESET_BY_PEER).build();
        }
      }
      answer.set("time", JSON.createObjectNode().put("operating", 0).put("date_start", companies.now()));
      return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
          .withBody(JSON.writeValueAsString(answer)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
