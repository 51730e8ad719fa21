package io.github.pqlconnector.hubspot.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.pqlconnector.core.spi.CrmDestinationProvider;
import io.github.pqlconnector.core.testing.CrmFake;
import io.github.pqlconnector.hubspot.HubSpotDestinationProvider;
import io.github.pqlconnector.hubspot.fake.HubSpotFakeCrm.StoredObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
  /** The client's call timeout {@link #provider()} sets: an answer lost "too late" comes a second after it. */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

  private final HubSpotFakeCrm crm = new HubSpotFakeCrm();
  private final HubSpotFakeTasks tasks = new HubSpotFakeTasks(crm, Set.of(COMPANY_OWNER, DEFAULT_OWNER));
  private final HubSpotFakeFaults faults = new HubSpotFakeFaults();
  private final HubSpotFakeTransformer transformer = new HubSpotFakeTransformer(crm, tasks, faults, CALL_TIMEOUT);
  private final WireMockServer server;

  public HubSpotFake() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal()
        .containerThreads(20).extensions(transformer));
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  /** Every record write and task create takes this long before it is applied: a test can kill a run mid-write. */
  public HubSpotFake writeDelay(Duration delay) {
    transformer.writeDelayMillis = delay.toMillis();
    return this;
  }

  /** Every answer, faults and 429s included, comes after this (0 by default): a benchmark's network and server. */
  public HubSpotFake latency(Duration latency) {
    transformer.latencyMillis = (int) latency.toMillis();
    return this;
  }

  /**
   * Enforces HubSpot's rolling limits per token (off by default): {@code requestsPerTenSeconds} in any 10 s and
   * {@code searchPerSecond} searches in any second, a search taking a place in the 10 s window when {@code
   * searchInBurst}. A request over a limit is answered 429 {@code RATE_LIMIT} with a {@code Retry-After}.
   */
  public HubSpotFake rateLimits(int requestsPerTenSeconds, int searchPerSecond, boolean searchInBurst) {
    transformer.limits.set(requestsPerTenSeconds, searchPerSecond, searchInBurst);
    return this;
  }

  /** Requests, inputs and 429s per endpoint, and the HTTP phase; a benchmark resets it per run. */
  public HubSpotFakeTraffic traffic() {
    return transformer.traffic;
  }

  /** Record writes ({@code batch/update} calls) applied since {@link #seed}, whatever their answer. */
  public int recordWrites() {
    return transformer.recordWrites.get();
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
    transformer.recordWrites.set(0);
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

  /** Used by {@link HubSpotFakeFaults#refused}: the match value a refused record is named by. */
  static Set<String> lower(Set<String> values) {
    Set<String> lower = new HashSet<>();
    values.forEach(v -> lower.add(v.toLowerCase(Locale.ROOT)));
    return lower;
  }
}
