package io.github.pqlconnector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Salesforce on loopback for {@link SalesforceBenchmark}, on the JDK's HTTP server: the token endpoint, SOQL (every
 * queried email is a Contact), sObject Collections and Bulk API 2.0 ingest jobs that process asynchronously, each
 * answer after a latency from {@link Latency} and with {@code Sforce-Limit-Info}. Counts requests per operation.
 */
final class SalesforceOrg implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
  private static final Pattern JOB = Pattern.compile(".*/jobs/ingest/([^/]+)(/[a-zA-Z]+)?/?$");

  /**
   * Server-side time per call, in ms (see the README for where the numbers come from): a fixed part per request
   * and a part per record; a Bulk job waits in the queue, then processes at {@code bulkRecordsPerSecond}.
   */
  record Latency(double scale, int requestMs, double collectionMsPerRecord, int bulkQueueMs,
      int bulkRecordsPerSecond) {
    static Latency realistic(double scale) {
      return new Latency(scale, 150, 4.0, 2_000, 1_000);
    }

    long ms(double unscaled) {
      return Math.round(unscaled * scale);
    }
  }

  private final Latency latency;
  private final HttpServer server;
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  private final Map<String, String> uploads = new ConcurrentHashMap<>();
  private final Map<String, Long> readyAt = new ConcurrentHashMap<>();
  private final AtomicLong used = new AtomicLong();

  SalesforceOrg(Latency latency) throws IOException {
    this.latency = latency;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Requests per operation since the last call, and forgets them. */
  synchronized Map<String, Long> takeCalls() {
    Map<String, Long> counts = new TreeMap<>();
    calls.forEach((op, n) -> counts.put(op, n.getAndSet(0)));
    counts.values().removeIf(n -> n == 0);
    return counts;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    try {
      Answer answer = route(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), body);
      calls.computeIfAbsent(answer.operation(), k -> new AtomicLong()).incrementAndGet();
      Thread.sleep(latency.ms(answer.serverMs()));
      exchange.getResponseHeaders().add("Content-Type", answer.contentType());
      exchange.getResponseHeaders().add("Sforce-Limit-Info", "api-usage=" + used.incrementAndGet() + "/5000000");
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private record Answer(String operation, int status, String contentType, String body, double serverMs) {}

  private Answer route(String method, String path, String rawQuery, String body) throws IOException {
    if (path.endsWith("/services/oauth2/token")) {
      return json("token", 200, "{\"access_token\":\"bench-session\",\"instance_url\":\"" + baseUrl()
          + "\",\"token_type\":\"Bearer\",\"issued_at\":\"1764504000000\"}", latency.requestMs());
    }
    if (path.endsWith("/query")) {
      String soql = URLDecoder.decode(rawQuery.substring(2), StandardCharsets.UTF_8);
      StringBuilder records = new StringBuilder();
      Matcher m = QUOTED.matcher(soql);
      int found = 0;
      while (m.find()) {
        records.append(found++ == 0 ? "" : ",").append("{\"Id\":\"").append(contactId(m.group(1)))
            .append("\",\"Email\":\"").append(m.group(1)).append("\",\"OwnerId\":\"005xx000001SwiUAAS\"}");
      }
      return json("query", 200, "{\"totalSize\":" + found + ",\"done\":true,\"records\":[" + records + "]}",
          latency.requestMs() + 0.05 * found);
    }
    if (path.endsWith("/composite/sobjects")) {
      JsonNode records = JSON.readTree(body).get("records");
      StringBuilder results = new StringBuilder();
      records.forEach(r -> results.append(results.length() == 0 ? "" : ",").append("{\"id\":\"")
          .append(r.path("id").asText()).append("\",\"success\":true,\"errors\":[]}"));
      return json("collections", 200, "[" + results + "]",
          latency.requestMs() + latency.collectionMsPerRecord() * records.size());
    }
    return bulk(method, path, body);
  }

  private Answer bulk(String method, String path, String body) {
    if (path.endsWith("/jobs/ingest")) {
      String id = "750xx" + String.format("%013d", uploads.size());
      uploads.put(id, "");
      return json("bulk create", 200, job(id, "Open", 0), latency.requestMs());
    }
    Matcher m = JOB.matcher(path);
    if (!m.matches()) {
      return json("unknown", 404, "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"not found\"}]", 0);
    }
    String id = m.group(1);
    String tail = m.group(2) == null ? "" : m.group(2);
    long rows = uploads.getOrDefault(id, "").lines().count() - 1;
    switch (method + " " + tail) {
      case "PUT /batches":
        uploads.put(id, body);
        return new Answer("bulk upload", 201, "text/plain", "", latency.requestMs() + body.length() / 10_000.0);
      case "PATCH ":
        long processing = latency.ms(latency.bulkQueueMs() + 1000.0 * rows / latency.bulkRecordsPerSecond());
        readyAt.put(id, System.currentTimeMillis() + processing);
        return json("bulk close", 200, job(id, "UploadComplete", 0), latency.requestMs());
      case "GET ":
        boolean done = System.currentTimeMillis() >= readyAt.getOrDefault(id, Long.MAX_VALUE);
        return json("bulk poll", 200, job(id, done ? "JobComplete" : "InProgress", done ? rows : 0),
            latency.requestMs());
      case "GET /successfulResults":
        String csv = uploads.get(id).replaceFirst("^", "\"sf__Id\",\"sf__Created\",")
            .replaceAll("\n\"([^\"]+)\"", "\n\"$1\",\"false\",\"$1\"");
        return new Answer("bulk results", 200, "text/csv", csv, latency.requestMs() + csv.length() / 10_000.0);
      default:
        return new Answer("bulk results", 200, "text/csv", "\"sf__Id\",\"sf__Error\"\n", latency.requestMs());
    }
  }

  static String contactId(String email) {
    return "003xx" + String.format("%013d", Math.abs((long) email.hashCode()));
  }

  private static String job(String id, String state, long processed) {
    return "{\"id\":\"" + id + "\",\"object\":\"Contact\",\"operation\":\"update\",\"state\":\"" + state
        + "\",\"numberRecordsProcessed\":" + processed + ",\"numberRecordsFailed\":0}";
  }

  private static Answer json(String operation, int status, String body, double serverMs) {
    return new Answer(operation, status, "application/json", body, serverMs);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
