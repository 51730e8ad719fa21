package io.github.pqlconnector.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bitrix24 on loopback for {@link Bitrix24Benchmark}: an embedded WireMock whose global transformer keeps the portal's
 * leaky-bucket counter (+1 per request, drains {@code drainPerSecond}, refuses above {@code burst} with 503 {@code
 * QUERY_LIMIT_EXCEEDED}, a refused request not counted) and answers what it lets through as b24restdocs shows it:
 * {@code batch} of findbycomm (one contact per email), crm.item.update and userfield.list (the PQL enumerations), and
 * crm.item.list filtered {@code @UF_CRM_PQL_DOMAIN} (one company per domain). Ids are stable per email or domain.
 * Counts requests, commands and refusals per method; every answer comes after {@code latencyMs}.
 */
final class Bitrix24Stub implements AutoCloseable {
  static final String WEBHOOK_PATH = "/rest/1/bench0code/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Requests to one method ({@code batch crm.item.update}, …), commands inside them, requests refused. */
  record Method(long requests, long commands, long refused) {}

  private final double drainPerSecond;
  private final int burst;
  private final int latencyMs;
  private final WireMockServer server;
  private final Map<String, Method> methods = new TreeMap<>();
  private final Map<String, Long> ids = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1_000);
  private double level;
  private long levelAt = System.nanoTime();
  private long firstNanos;
  private long lastNanos;

  Bitrix24Stub(double drainPerSecond, int burst, int latencyMs) {
    this.drainPerSecond = drainPerSecond;
    this.burst = burst;
    this.latencyMs = latencyMs;
    this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal()
        .containerThreads(20).extensions(new Portal()));
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    server.start();
  }

  String webhookUrl() {
    return "http://127.0.0.1:" + server.port() + WEBHOOK_PATH;
  }

  synchronized void reset() {
    methods.clear();
    firstNanos = 0;
    lastNanos = 0;
  }

  synchronized Map<String, Method> methods() {
    return new TreeMap<>(methods);
  }

  synchronized double activeSeconds() {
    return firstNanos == 0 ? 0 : (lastNanos - firstNanos) / 1e9;
  }

  @Override
  public void close() {
    server.stop();
  }

  /** True when the bucket takes the request; counts it either way. */
  private synchronized boolean admit(String method, int commands) {
    long now = System.nanoTime();
    firstNanos = firstNanos == 0 ? now : firstNanos;
    lastNanos = now;
    level = Math.max(0, level - (now - levelAt) / 1e9 * drainPerSecond);
    levelAt = now;
    boolean admitted = level + 1 <= burst;
    if (admitted) {
      level += 1;
    }
    Method before = methods.getOrDefault(method, new Method(0, 0, 0));
    methods.put(method, new Method(before.requests() + 1, before.commands() + commands,
        before.refused() + (admitted ? 0 : 1)));
    return admitted;
  }

  private long id(String key) {
    return ids.computeIfAbsent(key, k -> nextId.incrementAndGet());
  }

  private final class Portal implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "bitrix24-stub";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      try {
        String url = event.getRequest().getUrl();
        String method = url.substring(url.lastIndexOf('/') + 1);
        JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
        ObjectNode answer = JSON.createObjectNode();
        String counted = method;
        if (method.equals("batch")) {
          counted = "batch " + firstMethod(body.path("cmd"));
          answer.set("result", batch(body.path("cmd")));
        } else {
          answer.set("result", companies(body.path("filter").path("@UF_CRM_PQL_DOMAIN")));
        }
        if (!admit(counted, body.path("cmd").size())) {
          return respond(503, "{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}");
        }
        answer.putObject("time").put("operating", 0.1).put("operating_reset_at", System.currentTimeMillis() / 1000 + 600);
        return respond(200, JSON.writeValueAsString(answer));
      } catch (IOException e) {
        return respond(400, "{\"error\":\"INVALID_REQUEST\",\"error_description\":\"bad JSON\"}");
      }
    }

    private ResponseDefinition respond(int status, String body) {
      return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)
          .withFixedDelay(latencyMs).build();
    }
  }

  private static String firstMethod(JsonNode cmd) {
    String first = cmd.elements().hasNext() ? cmd.elements().next().asText() : "";
    int q = first.indexOf('?');
    return q < 0 ? first : first.substring(0, q);
  }

  private ObjectNode batch(JsonNode cmd) {
    ObjectNode results = JSON.createObjectNode();
    cmd.fields().forEachRemaining(e -> results.set(e.getKey(), command(e.getValue().asText())));
    ObjectNode result = JSON.createObjectNode();
    result.set("result", results);
    result.set("result_error", JSON.createArrayNode());
    result.set("result_time", JSON.createArrayNode());
    return result;
  }

  private JsonNode command(String text) {
    String method = text.substring(0, text.indexOf('?'));
    Map<String, String> params = new TreeMap<>();
    for (String pair : text.substring(text.indexOf('?') + 1).split("&")) {
      int eq = pair.indexOf('=');
      params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    if (method.equals("crm.duplicate.findbycomm")) {
      ObjectNode found = JSON.createObjectNode();
      found.putArray(params.get("entity_type")).add(id("email:" + params.get("values[0]")));
      return found;
    }
    if (method.endsWith(".userfield.list")) {
      ArrayNode list = JSON.createArrayNode();
      ObjectNode field = list.addObject().put("FIELD_NAME", params.get("filter[FIELD_NAME]"))
          .put("USER_TYPE_ID", "enumeration");
      ArrayNode items = field.putArray("LIST");
      for (String code : new String[] {"pql", "warm", "cold", "not_fit", "usage", "hand_raiser", "limit_reached",
          "engagement", "self_serve"}) {
        items.addObject().put("ID", Long.toString(id("enum:" + code))).put("XML_ID", code).put("VALUE", code);
      }
      return list;
    }
    ObjectNode item = JSON.createObjectNode();
    item.putObject("item").put("id", Long.parseLong(params.getOrDefault("id", "0")));
    return item;
  }

  private ObjectNode companies(JsonNode domains) {
    ObjectNode result = JSON.createObjectNode();
    ArrayNode items = result.putArray("items");
    for (JsonNode domain : domains) {
      items.addObject().put("id", id("domain:" + domain.asText())).put("UF_CRM_PQL_DOMAIN", domain.asText());
    }
    return result;
  }
}
