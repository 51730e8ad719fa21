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
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HubSpot on loopback for {@link HubSpotBenchmark}: an embedded WireMock whose one global transformer enforces
 * HubSpot's rolling limits per token (the burst limit, {@code limit} requests in any 10 s, and CRM search, {@code
 * searchPerSecond} in any 1 s; whether a search also takes a place in the 10 s window is {@code searchInBurst}, as
 * HubSpot's docs do not say) and answers what it lets through like HubSpot: {@code batch/read} and {@code
 * batch/update} with one result per input, company search with one company per value of the {@code IN} filter. A
 * refused request gets HubSpot's 429 body and a {@code Retry-After} (seconds until the window has room) and does not
 * count against the window. Every answer, 429s included, comes after {@code latencyMs}. Record ids are stable per
 * email or domain. Counts requests, inputs and 429s per endpoint.
 */
final class HubSpotStub implements AutoCloseable {
  private static final Pattern OBJECTS = Pattern.compile("/crm/objects/[^/]+/([^/]+)/(batch/read|batch/update|search)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WINDOW_NANOS = 10_000_000_000L;
  private static final long SECOND_NANOS = 1_000_000_000L;

  /** Requests served or refused for one endpoint ({@code contacts batch/read}, …). */
  record Endpoint(long requests, long inputs, long limited) {}

  private final int limit;
  private final int searchPerSecond;
  private final int latencyMs;
  private final boolean searchInBurst;
  private final Map<String, Deque<Long>> burst = new HashMap<>();
  private final Map<String, Deque<Long>> search = new HashMap<>();
  private final Map<String, Endpoint> endpoints = new TreeMap<>();
  private final Map<String, String> ids = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(100_000);
  private final java.util.List<String> refusals = new java.util.ArrayList<>();
  private long firstNanos;
  private long lastNanos;
  private final WireMockServer server;

  HubSpotStub(int limit, int searchPerSecond, int latencyMs, boolean searchInBurst) {
    this.limit = limit;
    this.searchInBurst = searchInBurst;
    this.searchPerSecond = searchPerSecond;
    this.latencyMs = latencyMs;
    this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal()
        .containerThreads(40).extensions(new Transformer()));
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  /** Forgets the counts (not the record ids): the next run is measured on its own. */
  synchronized void reset() {
    endpoints.clear();
    refusals.clear();
    firstNanos = 0;
    lastNanos = 0;
  }

  /** Each 429 as {@code +<seconds since the first request> <endpoint> Retry-After <s>}. */
  synchronized java.util.List<String> refusals() {
    return java.util.List.copyOf(refusals);
  }

  synchronized Map<String, Endpoint> endpoints() {
    return new TreeMap<>(endpoints);
  }

  /** Seconds from the first request's arrival to the last one's; 0 without requests. */
  synchronized double activeSeconds() {
    return firstNanos == 0 ? 0 : (lastNanos - firstNanos) / 1e9;
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Null when the request may go; else the seconds HubSpot would tell the client to wait. */
  private synchronized Integer admit(String token, String endpoint, int inputs, boolean isSearch) {
    long now = System.nanoTime();
    firstNanos = firstNanos == 0 ? now : firstNanos;
    lastNanos = now;
    Deque<Long> window = burst.computeIfAbsent(token, t -> new ArrayDeque<>());
    Deque<Long> secondly = search.computeIfAbsent(token, t -> new ArrayDeque<>());
    evict(window, now - WINDOW_NANOS);
    evict(secondly, now - SECOND_NANOS);
    Integer retryAfter = null;
    boolean inBurst = !isSearch || searchInBurst;
    if (inBurst && window.size() >= limit) {
      retryAfter = seconds(window.peekFirst() + WINDOW_NANOS - now);
    } else if (isSearch && secondly.size() >= searchPerSecond) {
      retryAfter = seconds(secondly.peekFirst() + SECOND_NANOS - now);
    }
    Endpoint before = endpoints.getOrDefault(endpoint, new Endpoint(0, 0, 0));
    endpoints.put(endpoint, new Endpoint(before.requests() + 1, before.inputs() + (retryAfter == null ? inputs : 0),
        before.limited() + (retryAfter == null ? 0 : 1)));
    if (retryAfter != null) {
      refusals.add(String.format("+%.1fs %s Retry-After %d", (now - firstNanos) / 1e9, endpoint, retryAfter));
    } else {
      if (inBurst) {
        window.addLast(now);
      }
      if (isSearch) {
        secondly.addLast(now);
      }
    }
    return retryAfter;
  }

  private static void evict(Deque<Long> window, long before) {
    while (!window.isEmpty() && window.peekFirst() <= before) {
      window.removeFirst();
    }
  }

  private static int seconds(long nanos) {
    return (int) Math.max(1, (nanos + SECOND_NANOS - 1) / SECOND_NANOS);
  }

  private String id(String kind, String key) {
    return ids.computeIfAbsent(kind + ":" + key, k -> String.valueOf(nextId.incrementAndGet()));
  }

  private final class Transformer implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "hubspot-stub";
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      Request request = serveEvent.getRequest();
      Matcher path = OBJECTS.matcher(request.getUrl());
      if (!request.getMethod().value().equals("POST") || !path.matches()) {
        return answer(404, error("Not found: " + request.getMethod() + " " + request.getUrl(), "NOT_FOUND"), null);
      }
      String objectType = path.group(1);
      String operation = path.group(2);
      try {
        JsonNode body = JSON.readTree(request.getBodyAsString());
        boolean isSearch = operation.equals("search");
        JsonNode values = isSearch ? body.path("filterGroups").path(0).path("filters").path(0).path("values")
            : body.path("inputs");
        Integer retryAfter = admit(request.getHeader("Authorization"), objectType + " " + operation, values.size(),
            isSearch);
        if (retryAfter != null) {
          return answer(429, limited(isSearch), retryAfter);
        }
        ObjectNode response = JSON.createObjectNode();
        ArrayNode results = JSON.createArrayNode();
        switch (operation) {
          case "batch/read" -> {
            String idProperty = body.path("idProperty").asText();
            for (JsonNode input : values) {
              String key = input.path("id").asText();
              ObjectNode result = results.addObject().put("id", id(objectType, key)).put("archived", false);
              result.putObject("properties").put(idProperty, key);
            }
            response.put("status", "COMPLETE");
          }
          case "search" -> {
            String property = body.path("filterGroups").path(0).path("filters").path(0).path("propertyName").asText();
            for (JsonNode value : values) {
              ObjectNode result = results.addObject().put("id", id(objectType, value.asText()))
                  .put("createdAt", "2025-03-01T12:00:00Z").put("archived", false);
              result.putObject("properties").put(property, value.asText()).put("createdate", "2025-03-01T12:00:00Z");
            }
            response.put("total", values.size());
          }
          default -> {
            for (JsonNode input : values) {
              ObjectNode result = results.addObject().put("id", input.path("id").asText()).put("archived", false);
              result.set("properties", input.path("properties"));
              result.set("objectWriteTraceId", input.path("objectWriteTraceId"));
            }
            response.put("status", "COMPLETE");
          }
        }
        response.set("results", results);
        return answer(200, JSON.writeValueAsString(response), null);
      } catch (IOException e) {
        return answer(400, error("Invalid input JSON: " + e.getMessage(), "VALIDATION_ERROR"), null);
      }
    }

    private ResponseDefinition answer(int status, String body, Integer retryAfter) {
      ResponseDefinitionBuilder response = aResponse().withStatus(status).withHeader("Content-Type",
          "application/json;charset=utf-8").withBody(body).withFixedDelay(latencyMs);
      if (retryAfter != null) {
        response.withHeader("Retry-After", String.valueOf(retryAfter));
      }
      return response.build();
    }
  }

  private static String limited(boolean isSearch) {
    ObjectNode body = JSON.createObjectNode().put("status", "error")
        .put("message", isSearch ? "You have reached your secondly limit." : "You have reached your ten_secondly_rolling limit.")
        .put("errorType", "RATE_LIMIT").put("correlationId", UUID.randomUUID().toString())
        .put("policyName", isSearch ? "SECONDLY" : "TEN_SECONDLY_ROLLING").put("groupName", "publicapi");
    return body.toString();
  }

  private static String error(String message, String category) {
    return JSON.createObjectNode().put("status", "error").put("message", message).put("category", category)
        .put("correlationId", UUID.randomUUID().toString()).toString();
  }
}
