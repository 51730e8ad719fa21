package io.github.pqlconnector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small Salesforce org behind WireMock for end-to-end runs: every queried email is a Contact (id derived from the
 * email, so runs agree), Collections and Bulk 2.0 jobs succeed for every record, tasks are searched and created, and
 * each answer carries {@code Sforce-Limit-Info}. Tokens are numbered; {@link #expireTokenAfter} revokes the current
 * one after some calls (401 INVALID_SESSION_ID), {@link #othersUseAllocationAfterWrites} lets "other integrations"
 * spend the allocation down to a level. Bodies follow Salesforce's documented shapes.
 */
class SalesforceOrgStub implements ResponseDefinitionTransformerV2 {
  /** Data calls answered 401 because the session was gone. */
  final java.util.concurrent.atomic.AtomicInteger unauthorized = new java.util.concurrent.atomic.AtomicInteger();
  static final String NAME = "salesforce-org";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
  private static final Pattern JOB = Pattern.compile(".*/jobs/ingest/([^/]+)(/[a-zA-Z]+)?/?$");

  final AtomicLong used = new AtomicLong();
  volatile long max = 100_000;
  private final AtomicInteger tokens = new AtomicInteger();
  private final AtomicInteger dataCalls = new AtomicInteger();
  private final AtomicInteger writes = new AtomicInteger();
  private final SalesforceBulkJobs bulkJobs = new SalesforceBulkJobs();
  final SalesforceFakeTraffic traffic = new SalesforceFakeTraffic();
  volatile SalesforceFakeLatency latency = SalesforceFakeLatency.NONE;
  /** Whether a call with the day's allocation spent is refused, as Salesforce does (off: tests set usage freely). */
  volatile boolean enforceDailyLimit;
  private volatile int validToken = -1;
  private volatile int expireAfterCalls = Integer.MAX_VALUE;
  private volatile int exhaustAfterWrites = Integer.MAX_VALUE;
  private volatile long exhaustTo;
  /** Tasks the org holds, by {@code PQL_Task_Key__c}; creating a key twice counts in {@link #duplicateTasks}. */
  final Map<String, String> tasksByKey = new ConcurrentHashMap<>();
  final AtomicInteger duplicateTasks = new AtomicInteger();
  /** The next this many Task creates are applied, then answered with a connection reset (a lost response). */
  volatile int loseTaskCreates;

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  void expireTokenAfter(int calls) {
    expireAfterCalls = dataCalls.get() + calls;
  }

  void othersUseAllocationAfterWrites(int count, long usedTo) {
    exhaustAfterWrites = count;
    exhaustTo = usedTo;
  }

  int tokensIssued() {
    return tokens.get();
  }

  /** Counts the call, serves it, and sends the answer after the latency the call's kind and size take. */
  @Override
  public ResponseDefinition transform(ServeEvent event) {
    LoggedRequest request = event.getRequest();
    String path = request.getUrl().replaceFirst("\\?.*", "");
    String operation = SalesforceFakeTraffic.operation(request.getMethod().getName(), path, request.getBodyAsString());
    traffic.count(operation);
    ResponseDefinition answer = serve(request, path);
    long ms = latency.serverMs(operation, request.getBodyAsString(), answer.getBody() == null ? "" : answer.getBody());
    return ms > 0 ? ResponseDefinitionBuilder.like(answer).but().withFixedDelay((int) ms).build() : answer;
  }

  private ResponseDefinition serve(LoggedRequest request, String path) {
    ResponseDefinition fault = fault(request, path);
    if (fault != null) {
      return fault;
    }
    if (path.endsWith("/services/oauth2/token")) {
      return token(request);
    }
    if (!("Bearer fake-access-" + validToken).equals(request.getHeader("Authorization"))
        || dataCalls.incrementAndGet() > expireAfterCalls) {
      expireAfterCalls = Integer.MAX_VALUE;
      validToken = -1;   // the session is gone; only the next grant's token works
      unauthorized.incrementAndGet();
      return json(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
    }
    if (enforceDailyLimit && used.get() >= max) {
      return json(403, "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
    }
    used.incrementAndGet();
    ResponseDefinition answer = route(request, path);
    return ResponseDefinitionBuilder.like(answer).but()
        .withHeader("Sforce-Limit-Info", "api-usage=" + used.get() + "/" + max).build();
  }

  /** A fault to answer instead of serving the call, or null to serve it (the stateful fake's hook). */
  ResponseDefinition fault(LoggedRequest request, String path) {
    return null;
  }

  /** Makes the current access token stop working: the next data call is answered 401 INVALID_SESSION_ID. */
  void revokeToken() {
    validToken = -1;
  }

  ResponseDefinition route(LoggedRequest request, String path) {
    String method = request.getMethod().getName();
    if (path.endsWith("/query")) {
      return query(request.queryParameter("q").firstValue());
    }
    if (path.endsWith("/composite/sobjects") && request.getBodyAsString().contains("\"type\":\"Task\"")) {
      return createTasks(request.getBodyAsString());
    }
    if (path.endsWith("/composite/sobjects")) {
      return collection(request.getBodyAsString());
    }
    if (path.endsWith("/jobs/ingest") && method.equals("POST")) {
      return bulkJobs.create();
    }
    Matcher job = JOB.matcher(path);
    if (!job.matches()) {
      return json(404, "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]");
    }
    if (method.equals("PUT")) {
      afterWrite();
    }
    return bulkJobs.answer(method, job.group(1), job.group(2) == null ? "" : job.group(2), request.getBodyAsString(),
        latency);
  }

  private ResponseDefinition token(LoggedRequest request) {
    String base = request.getAbsoluteUrl().replaceFirst("/services/oauth2/token.*", "");
    validToken = tokens.incrementAndGet();
    return json(200, "{\"access_token\":\"fake-access-" + validToken + "\",\"instance_url\":\"" + base
        + "\",\"id\":\"" + base + "/id/00Dxx0000000001EAA/005xx000001SwiUAAS\",\"token_type\":\"Bearer\","
        + "\"issued_at\":\"1764504000000\",\"scope\":\"api\",\"signature\":\"ZmFrZQ\"}");
  }

  ResponseDefinition query(String soql) {
    if (soql.contains("FROM Task")) {
      List<String> found = QUOTED.matcher(soql).results().map(m -> m.group(1)).filter(tasksByKey::containsKey)
          .map(key -> """
              {"attributes":{"type":"Task"},"Id":"%s","PQL_Task_Key__c":"%s"}""".formatted(tasksByKey.get(key), key))
          .toList();
      return json(200, "{\"totalSize\":" + found.size() + ",\"done\":true,\"records\":[" + String.join(",", found)
          + "]}");
    }
    if (!soql.contains("FROM Contact")) {
      return json(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}");
    }
    List<String> records = QUOTED.matcher(soql).results().map(m -> m.group(1)).map(email -> """
        {"attributes":{"type":"Contact"},"Id":"%s","Email":"%s","OwnerId":"005xx000001SwiUAAS"}"""
        .formatted(contactId(email), email)).toList();
    return json(200, "{\"totalSize\":" + records.size() + ",\"done\":true,\"records\":[" + String.join(",", records)
        + "]}");
  }

  ResponseDefinition collection(String body) {
    afterWrite();
    try {
      JsonNode records = JSON.readTree(body).get("records");
      String results = java.util.stream.StreamSupport.stream(records.spliterator(), false)
          .map(r -> "{\"id\":\"" + r.path("id").asText() + "\",\"success\":true,\"errors\":[]}")
          .collect(Collectors.joining(","));
      return json(200, "[" + results + "]");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ResponseDefinition createTasks(String body) {
    try {
      List<String> results = new java.util.ArrayList<>();
      for (JsonNode task : JSON.readTree(body).get("records")) {
        String key = task.path("PQL_Task_Key__c").asText();
        String id = "00Txx" + String.format("%013d", tasksByKey.size() + 1);
        if (tasksByKey.putIfAbsent(key, id) != null) {
          duplicateTasks.incrementAndGet();
        }
        results.add("{\"id\":\"" + id + "\",\"success\":true,\"errors\":[]}");
      }
      if (loseTaskCreates > 0) {
        loseTaskCreates--;
        return aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
      }
      return json(200, "[" + String.join(",", results) + "]");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void afterWrite() {
    if (writes.incrementAndGet() == exhaustAfterWrites) {
      used.set(exhaustTo);
    }
  }

  static String contactId(String email) {
    return "003xx" + String.format("%013d", Math.abs((long) email.toLowerCase().hashCode()));
  }

  static ResponseDefinition json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body).build();
  }
}
