package io.github.pqlconnector.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful stand-in for HubSpot's contacts and tasks endpoints (v3 shapes), for crash tests that need what a
 * killed process wrote to still be there: contacts exist for every email asked, updates are stored, tasks are
 * found again by {@code pql_task_key}. Writes take {@code writeDelayMillis}, so a test can kill mid-run.
 */
final class FakeHubSpot implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final Map<String, JsonNode> contacts = new ConcurrentHashMap<>();
  final Map<String, String> tasksByKey = new ConcurrentHashMap<>();
  final AtomicInteger updateCalls = new AtomicInteger();
  final AtomicInteger taskCreates = new AtomicInteger();
  private final HttpServer server;
  private final long writeDelayMillis;

  FakeHubSpot(long writeDelayMillis) throws IOException {
    this.writeDelayMillis = writeDelayMillis;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/crm/v3/objects/contacts/batch/read", this::batchRead);
    server.createContext("/crm/v3/objects/contacts/batch/update", this::batchUpdate);
    server.createContext("/crm/v3/objects/tasks/batch/read", this::readTasks);
    server.createContext("/crm/v3/objects/tasks/batch/create", this::createTasks);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void batchRead(HttpExchange exchange) throws IOException {
    ArrayNode results = JSON.createArrayNode();
    for (JsonNode input : body(exchange).path("inputs")) {
      String email = input.path("id").asText();
      results.addObject().put("id", idOf(email)).put("archived", false).putObject("properties").put("email", email);
    }
    reply(exchange, 200, batch(results));
  }

  private void batchUpdate(HttpExchange exchange) throws IOException {
    JsonNode request = body(exchange);
    sleep(writeDelayMillis);
    ArrayNode results = JSON.createArrayNode();
    for (JsonNode input : request.path("inputs")) {
      contacts.put(input.path("id").asText(), input.path("properties"));
      ObjectNode result = results.addObject().put("id", input.path("id").asText()).put("archived", false);
      result.set("properties", input.path("properties"));
      if (input.has("objectWriteTraceId")) {
        result.put("objectWriteTraceId", input.path("objectWriteTraceId").asText());
      }
    }
    updateCalls.incrementAndGet();
    reply(exchange, 200, batch(results));
  }

  /** {@code batch/read} by the unique {@code pql_task_key}: the tasks that exist; the others are not found. */
  private void readTasks(HttpExchange exchange) throws IOException {
    ArrayNode results = JSON.createArrayNode();
    for (JsonNode input : body(exchange).path("inputs")) {
      String key = input.path("id").asText();
      String id = tasksByKey.get(key);
      if (id != null) {
        results.addObject().put("id", id).put("archived", false).putObject("properties").put("pql_task_key", key);
      }
    }
    reply(exchange, 200, batch(results));
  }

  /** {@code batch/create}: one task per input, traced by its key; a key that exists already is a conflict. */
  private void createTasks(HttpExchange exchange) throws IOException {
    ArrayNode results = JSON.createArrayNode();
    ArrayNode errors = JSON.createArrayNode();
    for (JsonNode input : body(exchange).path("inputs")) {
      String key = input.path("properties").path("pql_task_key").asText();
      String trace = input.path("objectWriteTraceId").asText();
      String id = Integer.toString(900_001 + tasksByKey.size());
      if (tasksByKey.putIfAbsent(key, id) != null) {
        ObjectNode error = errors.addObject().put("status", "error").put("category", "CONFLICT")
            .put("message", "A task with this pql_task_key already exists");
        error.putObject("context").putArray("objectWriteTraceId").add(trace);
        continue;
      }
      taskCreates.incrementAndGet();
      ObjectNode task = results.addObject().put("id", id).put("archived", false).put("objectWriteTraceId", trace);
      task.set("properties", input.path("properties"));
    }
    ObjectNode answer = batch(results);
    answer.set("errors", errors);
    answer.put("numErrors", errors.size());
    reply(exchange, errors.isEmpty() ? 201 : 207, answer);
  }

  static String idOf(String email) {
    return Integer.toString(100_000 + Math.abs(email.hashCode() % 800_000));
  }

  private static ObjectNode batch(ArrayNode results) {
    ObjectNode batch = JSON.createObjectNode().put("status", "COMPLETE");
    batch.set("results", results);
    return batch;
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    return JSON.readTree(exchange.getRequestBody().readAllBytes());
  }

  private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
