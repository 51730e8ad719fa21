package io.github.pqlconnector.hubspot.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.pqlconnector.core.spi.CrmDestinationProvider;
import io.github.pqlconnector.core.testing.CrmFake;
import io.github.pqlconnector.hubspot.HubSpotDestinationProvider;
import io.github.pqlconnector.hubspot.fake.HubSpotFakeCrm.Answer;
import io.github.pqlconnector.hubspot.fake.HubSpotFakeCrm.StoredObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HubSpot on loopback, stateful: an embedded WireMock whose one transformer answers the CRM v3 calls a run makes
 * (contacts by {@code batch/read} on {@code email}, companies by {@code search} on {@code domain}, {@code batch/update}
 * by id, tasks by {@code batch/read} on {@code pql_task_key} and {@code batch/create} with associations, record reads
 * for reconciliation, property definitions) in the {@code v3} and dated path shapes, over a {@link HubSpotFakeCrm}.
 * A static private-app token ({@code ${HUBSPOT_TOKEN}}); faults as {@link CrmFake} describes them, in HubSpot's
 * shapes: 401 {@code INVALID_AUTHENTICATION}, 429 {@code TEN_SECONDLY_ROLLING} with {@code Retry-After: 1}, 503, a
 * connection reset after the write was applied, a validation rule refusing a record in a 207.
 */
public final class HubSpotFake implements CrmFake {
  /** Not a real token, shaped like none HubSpot issues. */
  public static final String TOKEN = "test-token-0c5d7a91e4b2f836";
  /** The owner of every seeded company; contacts have none, so their tasks go to {@link #DEFAULT_OWNER}. */
  public static final String COMPANY_OWNER = "64492917";
  public static final String DEFAULT_OWNER = "75500001";
  private static final Pattern OBJECTS = Pattern.compile(
      "/crm/(?:v3/objects|objects/[0-9-]+)/([^/?]+)/(batch/read|batch/update|batch/create|search)");
  private static final Pattern PROPERTY = Pattern.compile("/crm/(?:v3/properties|properties/[0-9-]+)/([^/?]+)/([^/?]+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The client's call timeout {@link #provider()} sets: an answer lost "too late" comes a second after it. */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

  private final HubSpotFakeCrm crm = new HubSpotFakeCrm();
  private final HubSpotFakeTasks tasks = new HubSpotFakeTasks(crm, Set.of(COMPANY_OWNER, DEFAULT_OWNER));
  private final HubSpotFakeFaults faults = new HubSpotFakeFaults();
  private final WireMockServer server;
  private final AtomicInteger recordWrites = new AtomicInteger();
  private volatile long writeDelayMillis;

  public HubSpotFake() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal()
        .containerThreads(20).extensions(new Transformer()));
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  /** Every record write and task create takes this long before it is applied: a test can kill a run mid-write. */
  public HubSpotFake writeDelay(Duration delay) {
    writeDelayMillis = delay.toMillis();
    return this;
  }

  /** Record writes ({@code batch/update} calls) applied since {@link #seed}, whatever their answer. */
  public int recordWrites() {
    return recordWrites.get();
  }

  @Override
  public CrmDestinationProvider provider() {
    return new HubSpotDestinationProvider(CALL_TIMEOUT);
  }

  @Override
  public String destinationYaml() {
    return "{ type: hubspot, token: \"${HUBSPOT_TOKEN}\", baseUrl: \"" + baseUrl() + "\", tasks: { on: [pql], "
        + "owner: record, defaultOwnerId: \"" + DEFAULT_OWNER + "\" } }";
  }

  @Override
  public Map<String, String> env() {
    return Map.of("HUBSPOT_TOKEN", TOKEN);
  }

  @Override
  public synchronized void seed(List<String> emails, List<String> domains) {
    crm.clear();
    emails.forEach(email -> crm.add(HubSpotFakeCrm.CONTACTS, "email", email, Map.of(), List.of()));
    domains.forEach(domain -> crm.add(HubSpotFakeCrm.COMPANIES, "domain", domain,
        Map.of(HubSpotFakeCrm.OWNER, COMPANY_OWNER, "name", domain), List.of()));
    faults.lift();
    faults.resetCalls();
    recordWrites.set(0);
  }

  @Override
  public void refuse(Set<String> matchValues) {
    faults.refuse(matchValues);
  }

  @Override
  public void failRandomly(double share, long seed) {
    faults.failRandomly(share, seed);
  }

  @Override
  public void loseResponses(double share, long seed) {
    faults.loseResponses(share, seed);
  }

  @Override
  public void rateLimitStorm(int calls) {
    faults.rateLimitStorm(calls);
  }

  @Override
  public void expireToken() {
    faults.expireToken();
  }

  @Override
  public void liftFaults() {
    faults.lift();
  }

  @Override
  public synchronized void overwrite(String matchValue, String field, String value) {
    StoredObject record = record(matchValue);
    if (record == null) {
      throw new IllegalArgumentException("no record " + matchValue);
    }
    crm.store(record, field, value);
  }

  @Override
  public synchronized Map<String, Map<String, String>> records() {
    Map<String, Map<String, String>> records = new TreeMap<>();
    for (String type : List.of(HubSpotFakeCrm.CONTACTS, HubSpotFakeCrm.COMPANIES)) {
      crm.objects(type).values().forEach(o -> records.put(o.matchValue(), pqlFields(o)));
    }
    return records;
  }

  @Override
  public synchronized Map<String, Integer> tasksPerRecord() {
    return new TreeMap<>(tasks.perRecord());
  }

  @Override
  public int calls() {
    return faults.calls();
  }

  @Override
  public int faultsInjected() {
    return faults.injected();
  }

  @Override
  public void resetCalls() {
    faults.resetCalls();
  }

  @Override
  public void close() {
    server.stop();
  }

  private StoredObject record(String matchValue) {
    StoredObject contact = crm.byProperty(HubSpotFakeCrm.CONTACTS, "email", matchValue);
    return contact != null ? contact : crm.byProperty(HubSpotFakeCrm.COMPANIES, "domain", matchValue);
  }

  /** The PQL fields in the connector's names and formats (qualified-at to the second, reasons joined by \n). */
  private static Map<String, String> pqlFields(StoredObject record) {
    Map<String, String> fields = new TreeMap<>();
    record.properties().forEach((name, value) -> {
      if (name.startsWith("pql_") && !name.equals("pql_evaluated_at")) {
        fields.put(name, name.equals("pql_qualified_at")
            ? Instant.parse(value).truncatedTo(ChronoUnit.SECONDS).toString() : value.replace("\r\n", "\n"));
      }
    });
    return fields;
  }

  private synchronized Answer handle(String method, String url, JsonNode body) {
    Matcher objects = OBJECTS.matcher(url);
    if (method.equals("POST") && objects.matches()) {
      String type = objects.group(1);
      return switch (objects.group(2)) {
        case "batch/read" -> crm.batchRead(type, body);
        case "search" -> crm.search(type, body);
        case "batch/update" -> crm.batchUpdate(type, body, faults::refused);
        default -> type.equals(HubSpotFakeCrm.TASKS) ? tasks.create(body) : notFound(method, url);
      };
    }
    Matcher property = PROPERTY.matcher(url);
    if (method.equals("GET") && property.matches()) {
      return HubSpotFakeProperties.read(property.group(1), property.group(2));
    }
    return notFound(method, url);
  }

  private static Answer notFound(String method, String url) {
    return new Answer(404, HubSpotFakeFaults.error("OBJECT_NOT_FOUND", "Not found: " + method + " " + url));
  }

  private final class Transformer implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "hubspot-fake";
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      Request request = serveEvent.getRequest();
      String url = request.getUrl();
      ResponseDefinition fault = faults.before(request.getHeader("Authorization"), TOKEN);
      if (fault != null) {
        return fault;
      }
      JsonNode body;
      try {
        body = request.getBodyAsString().isEmpty() ? JSON.createObjectNode() : JSON.readTree(request.getBodyAsString());
      } catch (IOException e) {
        return HubSpotFakeFaults.answer(new Answer(400, HubSpotFakeFaults.error("VALIDATION_ERROR",
            "Invalid input JSON on line 1")));
      }
      boolean write = url.contains("/batch/update") || url.contains("/batch/create");
      if (write && writeDelayMillis > 0) {
        pause(writeDelayMillis);
      }
      Answer answer = handle(request.getMethod().value(), url, body);
      if (url.contains("/batch/update") && answer.status() < 300) {
        recordWrites.incrementAndGet();
      }
      HubSpotFakeFaults.Loss loss = write && answer.status() < 300 ? faults.loss() : HubSpotFakeFaults.Loss.NONE;
      return switch (loss) {
        case RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        case TOO_LATE -> ResponseDefinitionBuilder.like(HubSpotFakeFaults.answer(answer))
            .withFixedDelay((int) CALL_TIMEOUT.plusSeconds(1).toMillis()).build();
        case NONE -> HubSpotFakeFaults.answer(answer);
      };
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Used by {@link HubSpotFakeFaults#refused}: the match value a refused record is named by. */
  static Set<String> lower(Set<String> values) {
    Set<String> lower = new HashSet<>();
    values.forEach(v -> lower.add(v.toLowerCase(Locale.ROOT)));
    return lower;
  }
}
