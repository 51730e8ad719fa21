package io.github.pqlconnector.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.pqlconnector.bitrix24.api.UserFieldSpec;
import io.github.pqlconnector.core.spi.CrmDestinationProvider;
import io.github.pqlconnector.core.testing.CrmFake;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Bitrix24 {@link CrmFake}: a {@link FakePortal} on its own WireMock server behind an inbound webhook. Contacts
 * are found by email (findbycomm), companies by their {@code WEB} websites (crm.company.list), the PQL user fields
 * exist on both with their enumeration items (as after {@code pql setup}); to-dos are owned by the default user 1.
 * Pacing and backoff run on {@link Bitrix24Stubs.FakeTime}, so nothing really sleeps.
 */
public final class Bitrix24CrmFake implements CrmFake {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long FIRST_CONTACT = 1000;
  private static final long FIRST_COMPANY = 100;

  private final FakePortal portal = new FakePortal();
  private final WireMockServer server;
  private final Bitrix24Stubs.FakeTime time = new Bitrix24Stubs.FakeTime();
  /** Item ({@code entityTypeId/id}) → match value, and back. */
  private final Map<String, String> matchValues = new TreeMap<>();
  private final Map<String, String> itemsByMatch = new LinkedHashMap<>();

  public Bitrix24CrmFake() {
    server = new WireMockServer(wireMockConfig().dynamicPort().extensions(portal));
    server.start();
    server.stubFor(post(urlMatching(Bitrix24Stubs.PREFIX + ".*"))
        .willReturn(aResponse().withTransformers(FakePortal.NAME)));
  }

  /** Every answer, refusals included, comes after this (0 by default): a benchmark's network and server. */
  public Bitrix24CrmFake latency(Duration latency) {
    portal.latencyMillis = (int) latency.toMillis();
    return this;
  }

  /**
   * Enforces the portal's leaky bucket (off by default): +1 per request, draining {@code drainPerSecond}, a request
   * that would lift it above {@code burst} refused with 503 {@code QUERY_LIMIT_EXCEEDED}. Non-Enterprise plans: 2
   * and 50; Enterprise: 5 and 250.
   */
  public Bitrix24CrmFake leakyBucket(double drainPerSecond, int burst) {
    portal.bucket.set(drainPerSecond, burst);
    return this;
  }

  /** Requests, commands and refusals per method, and the HTTP phase; a benchmark resets it per run. */
  public PortalTraffic traffic() {
    return portal.traffic;
  }

  /** The webhook URL the destination's {@code webhookUrl} takes (its key is the secret). */
  public String webhookUrl() {
    return env().get("BITRIX24_WEBHOOK_URL");
  }

  @Override
  public CrmDestinationProvider provider() {
    return new Bitrix24DestinationProvider(time.timing());
  }

  @Override
  public String destinationYaml() {
    return "{ type: bitrix24, webhookUrl: \"${BITRIX24_WEBHOOK_URL}\","
        + " tasks: { on: [pql], owner: default, defaultOwnerId: \"1\" } }";
  }

  @Override
  public Map<String, String> env() {
    return Map.of("BITRIX24_WEBHOOK_URL", server.baseUrl() + Bitrix24Stubs.PREFIX);
  }

  /** The webhook's key, the secret part of its URL. */
  @Override
  public Set<String> secrets() {
    return Set.of(Bitrix24Stubs.CODE);
  }

  @Override
  public synchronized void seed(List<String> emails, List<String> domains) {
    portal.reset();
    portal.companies.clear();
    matchValues.clear();
    itemsByMatch.clear();
    for (String entity : List.of("contact", "company")) {
      for (UserFieldSpec spec : Bitrix24Fields.recordFields()) {
        portal.userFields.add(entity, JSON.valueToTree(spec));
      }
    }
    for (int i = 0; i < emails.size(); i++) {
      long id = FIRST_CONTACT + i + 1;
      portal.items.contact(emails.get(i), id);
      remember("3/" + id, emails.get(i));
    }
    for (int i = 0; i < domains.size(); i++) {
      long id = FIRST_COMPANY + i + 1;
      portal.companies.put(id, "https://" + domains.get(i) + "/");
      portal.items.company(id);
      remember("4/" + id, domains.get(i));
    }
  }

  private void remember(String item, String matchValue) {
    matchValues.put(item, matchValue);
    itemsByMatch.put(matchValue, item);
  }

  @Override
  public void refuse(Set<String> values) {
    values.forEach(value -> portal.faults.refuse(item(value)));
  }

  @Override
  public void failRandomly(double share, long seed) {
    portal.faults.failRandomly(share, seed);
  }

  @Override
  public void loseResponses(double share, long seed) {
    portal.faults.loseResponses(share, seed);
  }

  @Override
  public void rateLimitStorm(int calls) {
    portal.faults.storm(calls);
  }

  /** A webhook does not expire, but a revoked one is refused the same way until it is issued again. */
  @Override
  public void expireToken() {
    portal.faults.expire();
  }

  @Override
  public void liftFaults() {
    portal.faults.lift();
  }

  @Override
  public void overwrite(String matchValue, String field, String value) {
    String item = item(matchValue);
    String name = PortalConnectorValues.FIELDS.get(field);
    boolean enumeration = name.equals(Bitrix24Fields.STATUS) || name.equals(Bitrix24Fields.TYPE);
    portal.items.set(item, name, enumeration ? portal.userFields.enumId(entity(item), name, value) : value);
  }

  @Override
  public synchronized Map<String, Map<String, String>> records() {
    Map<String, Map<String, String>> records = new TreeMap<>();
    matchValues.forEach((item, matchValue) -> records.put(matchValue,
        PortalConnectorValues.of(portal, entity(item), portal.items.values(item))));
    return records;
  }

  @Override
  public synchronized Map<String, Integer> tasksPerRecord() {
    Map<String, Integer> tasks = new TreeMap<>();
    portal.items.todoOwners.values().forEach(owner -> {
      String matchValue = matchValues.getOrDefault(owner, owner);
      tasks.merge(matchValue, 1, Integer::sum);
    });
    return tasks;
  }

  @Override
  public int calls() {
    return portal.calls.get();
  }

  @Override
  public void resetCalls() {
    portal.calls.set(0);
    portal.faults.resetInjected();
  }

  @Override
  public int faultsInjected() {
    return portal.faults.injected();
  }

  @Override
  public void close() {
    server.stop();
  }

  private String item(String matchValue) {
    String item = itemsByMatch.get(matchValue);
    if (item == null) {
      throw new IllegalArgumentException("the fake portal holds no record for " + matchValue);
    }
    return item;
  }

  private static String entity(String item) {
    return item.startsWith("3/") ? "contact" : "company";
  }
}
