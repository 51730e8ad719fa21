package io.github.pqlconnector.hubspot.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.pqlconnector.hubspot.fake.HubSpotFakeCrm.Answer;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one WireMock transformer of {@link HubSpotFake}, in the order HubSpot meets a request: the injected faults
 * (authentication first), the rolling rate limits, then the CRM call itself, whose answer may be lost after the
 * write. Every answer is counted in the traffic and, with a latency set, sent after it.
 */
final class HubSpotFakeTransformer implements ResponseDefinitionTransformerV2 {
  private static final Pattern OBJECTS = Pattern.compile(
      "/crm/(?:v3/objects|objects/[0-9-]+)/([^/?]+)/(batch/read|batch/update|batch/create|search)");
  private static final Pattern PROPERTY = Pattern.compile("/crm/(?:v3/properties|properties/[0-9-]+)/([^/?]+)/([^/?]+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HubSpotFakeCrm crm;
  private final HubSpotFakeTasks tasks;
  private final HubSpotFakeFaults faults;
  private final Duration callTimeout;
  final HubSpotFakeLimits limits = new HubSpotFakeLimits();
  final HubSpotFakeTraffic traffic = new HubSpotFakeTraffic();
  final AtomicInteger recordWrites = new AtomicInteger();
  volatile long writeDelayMillis;
  volatile int latencyMillis;

  HubSpotFakeTransformer(HubSpotFakeCrm crm, HubSpotFakeTasks tasks, HubSpotFakeFaults faults, Duration callTimeout) {
    this.crm = crm;
    this.tasks = tasks;
    this.faults = faults;
    this.callTimeout = callTimeout;
  }

  @Override
  public String getName() {
    return "hubspot-fake";
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    JsonNode body = body(request);
    ResponseDefinition answer = serve(request, body);
    count(request.getUrl(), body, answer);
    int delay = answer.getFixedDelayMilliseconds() == null ? 0 : answer.getFixedDelayMilliseconds();
    return latencyMillis > 0 && delay < latencyMillis
        ? ResponseDefinitionBuilder.like(answer).withFixedDelay(latencyMillis).build() : answer;
  }

  private ResponseDefinition serve(Request request, JsonNode body) {
    String url = request.getUrl();
    ResponseDefinition fault = faults.before(request.getHeader("Authorization"), HubSpotFake.TOKEN);
    if (fault != null) {
      return fault;
    }
    OptionalInt retryAfter = limits.admit(request.getHeader("Authorization"), url.contains("/search"),
        System.nanoTime());
    if (retryAfter.isPresent()) {
      return HubSpotFakeFaults.rateLimited(url.contains("/search"), retryAfter.getAsInt());
    }
    if (body == null) {
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
          .withFixedDelay((int) callTimeout.plusSeconds(1).toMillis()).build();
      case NONE -> HubSpotFakeFaults.answer(answer);
    };
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

  /** Counts the call under {@code <object type> <operation>} with its inputs (search: the filter's values). */
  private void count(String url, JsonNode body, ResponseDefinition answer) {
    Matcher objects = OBJECTS.matcher(url);
    String endpoint = objects.matches() ? objects.group(1) + " " + objects.group(2) : "properties";
    JsonNode inputs = body == null ? JSON.createArrayNode() : url.contains("/search")
        ? body.path("filterGroups").path(0).path("filters").path(0).path("values") : body.path("inputs");
    String retryAfter = answer.getHeaders() == null || !answer.getHeaders().getHeader("Retry-After").isPresent()
        ? "-" : answer.getHeaders().getHeader("Retry-After").firstValue();
    traffic.record(endpoint, inputs.size(), answer.getStatus(), retryAfter, System.nanoTime());
  }

  private static JsonNode body(Request request) {
    try {
      String text = request.getBodyAsString();
      return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static Answer notFound(String method, String url) {
    return new Answer(404, HubSpotFakeFaults.error("OBJECT_NOT_FOUND", "Not found: " + method + " " + url));
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
