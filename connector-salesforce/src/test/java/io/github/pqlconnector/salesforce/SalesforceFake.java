package io.github.pqlconnector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.pqlconnector.core.spi.CrmDestinationProvider;
import io.github.pqlconnector.core.testing.CrmFake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stateful Salesforce org of the fault matrix, on {@link SalesforceOrgStub} (tokens, {@code Sforce-Limit-Info},
 * routing): records and tasks in {@link SalesforceOrgRecords}, a Contact per email (every tenth a Lead) and an
 * Account per domain (its Website {@code https://www.<domain>/}). Faults as Salesforce shows them: per-record
 * {@code FIELD_CUSTOM_VALIDATION_EXCEPTION} in the Collections answer, 503 maintenance pages, connection resets after
 * a save was applied, {@code 403 REQUEST_LIMIT_EXCEEDED} for a storm (Salesforce sends no 429 nor Retry-After),
 * {@code 401 INVALID_SESSION_ID} for an expired session (a new client-credentials grant works).
 */
public final class SalesforceFake extends SalesforceOrgStub implements CrmFake {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SalesforceOrgRecords org = new SalesforceOrgRecords();
  private final WireMockServer server;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile Set<String> refused = Set.of();
  private final EvenShare failing = new EvenShare();
  private final EvenShare losing = new EvenShare();
  private final AtomicInteger injected = new AtomicInteger();
  private final AtomicInteger storm = new AtomicInteger();

  public SalesforceFake() {
    // no request journal: a benchmark's 10,000-record uploads would pile up in it
    server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal()
        .containerThreads(20).extensions(this));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(NAME)));
  }

  /** How long each call takes, by kind and size, and how long a Bulk job processes ({@code NONE} by default). */
  public SalesforceFake latency(SalesforceFakeLatency latency) {
    this.latency = latency;
    return this;
  }

  /**
   * The org's daily API allocation, {@code Sforce-Limit-Info}'s {@code api-usage} maximum, enforced: once {@code used}
   * reaches it every call is refused with 403 {@code REQUEST_LIMIT_EXCEEDED}, as Salesforce does (not enforced and
   * 100,000 by default).
   */
  public SalesforceFake dailyApiLimit(long allocation) {
    max = allocation;
    enforceDailyLimit = true;
    return this;
  }

  /** The API calls counted against today's allocation so far. */
  public long apiUsage() {
    return used.get();
  }

  /** Calls per operation ({@code query}, {@code collections}, {@code bulk poll}, …) since the last take. */
  public SalesforceFakeTraffic traffic() {
    return traffic;
  }

  /** Adds a Contact per email to what {@link #seed} made, keeping every record already held. */
  public synchronized void addContacts(List<String> emails) {
    emails.forEach(email -> org.add(SObjects.CONTACT, email));
  }

  /** The login URL a destination's {@code auth.loginUrl} takes: the token endpoint and the instance are here. */
  public String loginUrl() {
    return server.baseUrl();
  }

  @Override
  public CrmDestinationProvider provider() {
    return new SalesforceDestinationProvider();
  }

  @Override
  public String destinationYaml() {
    return "{ type: salesforce, auth: { loginUrl: \"" + server.baseUrl() + "\", clientId: \"" + SalesforceStubs.CLIENT_ID
        + "\", clientSecret: \"${SF_CLIENT_SECRET}\" }, tasks: { on: [pql], owner: record, defaultOwnerId: \""
        + SalesforceOrgRecords.OWNER + "\" } }";
  }

  @Override
  public Map<String, String> env() {
    return Map.of("SF_CLIENT_SECRET", SalesforceStubs.CLIENT_SECRET);
  }

  @Override
  public synchronized void seed(List<String> emails, List<String> domains) {
    org.clear();
    for (int i = 0; i < emails.size(); i++) {
      org.add(i % 10 == 9 ? SObjects.LEAD : SObjects.CONTACT, emails.get(i));
    }
    domains.forEach(domain -> org.add(SObjects.ACCOUNT, domain));
    liftFaults();
    resetCalls();
  }

  @Override
  public void refuse(Set<String> matchValues) {
    refused = Set.copyOf(matchValues);
  }

  @Override
  public synchronized void failRandomly(double share, long seed) {
    failing.set(share, seed);
  }

  @Override
  public synchronized void loseResponses(double share, long seed) {
    losing.set(share, seed);
  }

  @Override
  public void rateLimitStorm(int count) {
    storm.set(count);
  }

  @Override
  public void expireToken() {
    // a run starts with a new grant, so the session dies a few calls into it, as a session timeout does
    expireTokenAfter(3);
  }

  @Override
  public synchronized void liftFaults() {
    refused = Set.of();
    failing.set(0, 0);
    losing.set(0, 0);
    storm.set(0);
  }

  @Override
  public void overwrite(String matchValue, String field, String value) {
    org.set(org.byKey(matchValue), SalesforceConnectorValues.NAMES.get(field),
        SalesforceConnectorValues.stored(field, value));
  }

  @Override
  public Map<String, Map<String, String>> records() {
    return SalesforceConnectorValues.records(org.rows());
  }

  @Override
  public Map<String, Integer> tasksPerRecord() {
    Map<String, Integer> counts = new TreeMap<>();
    for (SalesforceOrgRecords.Task task : org.tasks()) {
      SalesforceOrgRecords.Row on = org.byId(task.on());
      counts.merge(on == null ? "?" + task.on() : on.key(), 1, Integer::sum);
    }
    return counts;
  }

  @Override
  public int calls() {
    return calls.get();
  }

  @Override
  public void resetCalls() {
    calls.set(0);
    injected.set(0);
    unauthorized.set(0);
  }

  @Override
  public int faultsInjected() {
    return injected.get() + unauthorized.get();
  }

  @Override
  public void close() {
    server.stop();
  }

  @Override
  synchronized ResponseDefinition fault(LoggedRequest request, String path) {
    calls.incrementAndGet();
    if (failing.next()) {
      injected.incrementAndGet();
      return aResponse().withStatus(503).withHeader("Content-Type", "text/html")
          .withBody(SalesforceStubs.fixture("errors/503-unavailable.html")).build();
    }
    if (!path.endsWith(SalesforceStubs.TOKEN_PATH) && storm.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      injected.incrementAndGet();
      return json(403, "[{\"message\":\"ConcurrentPerOrgLongTxn Limit exceeded.\",\"errorCode\":\""
          + "REQUEST_LIMIT_EXCEEDED\"}]");
    }
    return null;
  }

  @Override
  ResponseDefinition route(LoggedRequest request, String path) {
    ResponseDefinition answer = super.route(request, path);
    boolean write = path.endsWith("/composite/sobjects") && !request.getMethod().getName().equals("GET");
    synchronized (this) {
      if (write && losing.next()) {
        injected.incrementAndGet();
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      }
    }
    return answer;
  }

  @Override
  ResponseDefinition query(String soql) {
    ArrayNode rows = org.query(soql);
    ObjectNode page = JSON.createObjectNode().put("totalSize", rows.size()).put("done", true);
    page.set("records", rows);
    return json(200, page.toString());
  }

  @Override
  ResponseDefinition collection(String body) {
    ArrayNode results = JSON.createArrayNode();
    for (JsonNode record : records(body)) {
      String[] error = org.save(record, refused);
      ObjectNode result = results.addObject();
      if (error != null) {
        injected.incrementAndGet();
      }
      if (error == null) {
        result.put("id", record.path("id").asText()).put("success", true).putArray("errors");
      } else {
        result.put("success", false).putArray("errors").addObject().put("statusCode", error[0])
            .put("message", error[1]).putArray("fields").add(SalesforceFields.STATUS);
      }
    }
    return json(200, results.toString());
  }

  @Override
  ResponseDefinition createTasks(String body) {
    ArrayNode results = JSON.createArrayNode();
    for (JsonNode task : records(body)) {
      results.addObject().put("id", org.createTask(task)).put("success", true).putArray("errors");
    }
    return json(200, results.toString());
  }

  private static JsonNode records(String body) {
    try {
      return JSON.readTree(body).path("records");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
