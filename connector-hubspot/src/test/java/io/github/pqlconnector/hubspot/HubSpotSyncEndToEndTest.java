package io.github.pqlconnector.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.hubspot.HubSpotMatchAndTasksContractTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.testing.MutableClock;
import io.github.pqlconnector.core.testing.Dataset;
import io.github.pqlconnector.core.testing.EndToEndSync;
import io.github.pqlconnector.hubspot.api.HubSpotErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync engine driving the HubSpot destination from YAML: one write for changed users, none when unchanged. */
@WireMockTest
class HubSpotSyncEndToEndTest {
  private static final Instant NOW = EndToEndSync.NOW;
  private static final String YAML = EndToEndSync.yaml(10,
      "{ type: hubspot, token: \"${HUBSPOT_TOKEN}\", baseUrl: \"%s/\", apiVersion: \"2026-09\"%s }");

  @TempDir Path dir;
  private EndToEndSync sync;

  @BeforeEach
  void engine() {
    sync = new EndToEndSync(dir, new HubSpotDestinationProvider(), Map.of("HUBSPOT_TOKEN", HubSpotDestinations.TOKEN));
  }

  @Test
  void aSecondIdenticalRunWritesNothing(WireMockRuntimeInfo wireMock) {
    stubThreeContacts();
    writeUsers(3);
    PqlConfig config = config(wireMock);
    MutableClock clock = new MutableClock(NOW);

    try (StateStore store = sync.openStore()) {
      RunSummary first = sync.run(config, store, clock);
      clock.advance(Duration.ofMinutes(30));
      RunSummary second = sync.run(config, store, clock);

      assertThat(first.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
      assertThat(first.counts().pushed()).isEqualTo(3);
      assertThat(second.counts().changed()).isZero();
      assertThat(second.counts().unchanged()).isEqualTo(3);
    }
    verify(1, postRequestedFor(urlEqualTo("/crm/objects/2026-09/contacts/batch/update")));
  }

  @Test
  void aChangedVerdictGoesToTheStoredRecordIdWithoutAnotherLookup(WireMockRuntimeInfo wireMock) {
    stubThreeContacts();
    writeUsers(3);
    PqlConfig config = config(wireMock);
    MutableClock clock = new MutableClock(NOW);

    try (StateStore store = sync.openStore()) {
      sync.run(config, store, clock);
      Dataset data = new Dataset(dir);
      IntStream.rangeClosed(1, 3).forEach(i -> data.events("message_sent", 5, "u" + i, null, NOW.plusSeconds(60)));
      clock.advance(Duration.ofMinutes(30));
      RunSummary second = sync.run(config, store, clock);
      assertThat(second.counts().pushed()).isEqualTo(3);
    }
    verify(1, postRequestedFor(urlEqualTo("/crm/objects/2026-09/contacts/batch/read")));
    List<LoggedRequest> writes = findAll(postRequestedFor(urlEqualTo("/crm/objects/2026-09/contacts/batch/update")));
    assertThat(writes).hasSize(2);
    assertThat(writes.get(1).getBodyAsString()).contains("\"id\":\"501\"").contains("Sent 17 messages");
  }

  @Test
  void hundredFiftyUsersAreWrittenInTwoCallsOfAtMostHundred(WireMockRuntimeInfo wireMock) {
    stubContacts();
    writeUsers(150);
    PqlConfig config = config(wireMock);

    try (StateStore store = sync.openStore()) {
      RunSummary run = sync.run(config, store, new MutableClock(NOW));
      assertThat(run.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
      assertThat(run.counts().pushed()).isEqualTo(150);
    }
    List<LoggedRequest> writes = findAll(postRequestedFor(urlEqualTo("/crm/objects/2026-09/contacts/batch/update")));
    assertThat(writes).hasSize(2).allSatisfy(w -> assertThat(inputs(w)).isBetween(1, 100));
    assertThat(writes.stream().mapToInt(HubSpotSyncEndToEndTest::inputs).sum()).isEqualTo(150);
  }

  @Test
  void aStormOf429sSlowsTheRunDownAndLosesNothing(WireMockRuntimeInfo wireMock) throws IOException {
    String limited = new String(HubSpotSyncEndToEndTest.class.getResourceAsStream(
        "/hubspot/errors/429-ten-secondly.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    stubFor(post(urlEqualTo("/crm/objects/2026-09/contacts/batch/read"))
        .willReturn(json(200, echo("email")).withTransformers("response-template")));
    String state = com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
    for (int i = 1; i <= 3; i++) {
      stubFor(post(urlEqualTo("/crm/objects/2026-09/contacts/batch/update")).inScenario("storm")
          .whenScenarioStateIs(state).willSetStateTo("limited-" + i)
          .willReturn(json(429, limited).withHeader("Retry-After", "1")));
      state = "limited-" + i;
    }
    stubFor(post(urlEqualTo("/crm/objects/2026-09/contacts/batch/update")).inScenario("storm")
        .whenScenarioStateIs(state).willReturn(json(200, echo("id")).withTransformers("response-template")));
    writeUsers(150);
    // one batch at a time: WireMock scenarios do not step reliably under concurrent requests
    PqlConfig config = config(wireMock, ", rateLimit: { concurrency: 1 }");

    long started = System.nanoTime();
    try (StateStore store = sync.openStore()) {
      RunSummary run = sync.run(config, store, new MutableClock(NOW));
      assertThat(run.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
      assertThat(run.counts().pushed()).isEqualTo(150);
      assertThat(run.counts().outboxLeft()).isZero();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("three Retry-After waits of a second")
        .isGreaterThanOrEqualTo(Duration.ofMillis(2_900));
    var writes = com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/contacts/batch/update")).toList();
    assertThat(writes).filteredOn(e -> e.getResponse().getStatus() == 429).hasSize(3);
    assertThat(writes).filteredOn(e -> e.getResponse().getStatus() == 200)
        .flatExtracting(e -> ids(e.getRequest())).containsAll(IntStream.rangeClosed(1, 150).mapToObj(i -> "u" + i)
            .map(u -> u + "@example.com").toList());
  }

  @Test
  void theDailyLimitStopsTheRunCleanlyAndTheNextRunContinues(WireMockRuntimeInfo wireMock) throws IOException {
    String daily = new String(HubSpotSyncEndToEndTest.class.getResourceAsStream("/hubspot/errors/429-daily.json")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    stubFor(post(urlEqualTo("/crm/objects/2026-09/contacts/batch/read"))
        .willReturn(json(200, echo("email")).withTransformers("response-template")));
    stubFor(post(urlEqualTo("/crm/objects/2026-09/contacts/batch/update")).willReturn(json(429, daily)));
    writeUsers(150);
    PqlConfig config = config(wireMock);
    MutableClock clock = new MutableClock(NOW);

    try (StateStore store = sync.openStore()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> sync.run(config, store, clock))
          .isInstanceOfSatisfying(io.github.pqlconnector.core.error.VendorException.class,
              e -> assertThat(HubSpotErrors.isDailyLimit(e)).isTrue());
      assertThat(findAll(postRequestedFor(urlEqualTo("/crm/objects/2026-09/contacts/batch/update"))))
          .as("no write after the refusal but the one already in flight").hasSizeBetween(1, 2);
      long queued = store.read(c -> new io.github.pqlconnector.core.state.OutboxDao().depth(c, "s"));
      assertThat(queued).as("every update still queued").isEqualTo(150);

      stubFor(post(urlEqualTo("/crm/objects/2026-09/contacts/batch/update"))
          .willReturn(json(200, echo("id")).withTransformers("response-template")));
      clock.advance(Duration.ofDays(1));
      RunSummary next = sync.run(config, store, clock);
      assertThat(next.counts().pushed()).isEqualTo(150);
      assertThat(next.counts().outboxLeft()).isZero();
    }
  }

  @Test
  void twoHundredTasksOnAFirstRunTakeOneBatchReadAndOneBatchCreatePerHundred(WireMockRuntimeInfo wireMock) {
    stubContacts();
    stubFor(post(urlEqualTo(TASK_READ)).willReturn(json(207, noTasks()).withTransformers("response-template")));
    stubFor(post(urlEqualTo(TASK_CREATE)).willReturn(json(201, createdTasks()).withTransformers("response-template")));
    writeUsers(200);
    PqlConfig config = config(wireMock, TASKS);

    try (StateStore store = sync.openStore()) {
      RunSummary run = sync.run(config, store, new MutableClock(NOW));
      assertThat(run.counts().pushed()).isEqualTo(200);
      assertThat(run.counts().tasksCreated()).isEqualTo(200);
    }
    assertThat(findAll(postRequestedFor(urlEqualTo(TASK_READ)))).hasSize(2);
    List<LoggedRequest> creates = findAll(postRequestedFor(urlEqualTo(TASK_CREATE)));
    assertThat(creates).hasSize(2).allSatisfy(c -> assertThat(inputs(c)).isEqualTo(100));
    int calls = com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents().size();
    assertThat(calls).as("records and tasks: 2 reads, 2 updates, 2 task reads, 2 task creates").isEqualTo(8);
    assertThat(calls / 400.0).as("calls per record or task written").isLessThanOrEqualTo(0.1);
  }

  @Test
  void aTaskCreateAppliedButAnsweredWithAResetIsFoundAgainNotCreatedTwice(WireMockRuntimeInfo wireMock) {
    stubContacts();
    String state = com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
    stubFor(post(urlEqualTo(TASK_READ)).inScenario("lost").whenScenarioStateIs(state)
        .willReturn(json(207, noTasks()).withTransformers("response-template")));
    stubFor(post(urlEqualTo(TASK_CREATE)).inScenario("lost").whenScenarioStateIs(state).willSetStateTo("applied")
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
            .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    stubFor(post(urlEqualTo(TASK_READ)).inScenario("lost").whenScenarioStateIs("applied")
        .willReturn(json(200, foundTasks()).withTransformers("response-template")));
    writeUsers(100);
    PqlConfig config = config(wireMock, TASKS);
    MutableClock clock = new MutableClock(NOW);

    try (StateStore store = sync.openStore()) {
      RunSummary run = sync.run(config, store, clock);
      assertThat(run.counts().tasksCreated()).isEqualTo(100);
      assertThat(run.counts().tasksFailed()).isZero();
      clock.advance(Duration.ofMinutes(30));
      sync.run(config, store, clock);
    }
    assertThat(findAll(postRequestedFor(urlEqualTo(TASK_CREATE)))).as("one create per key, never repeated").hasSize(1);
    assertThat(findAll(postRequestedFor(urlEqualTo(TASK_READ)))).as("find, then find again after the reset")
        .hasSize(2);
  }

  private static final String TASK_READ = "/crm/objects/2026-09/tasks/batch/read";
  private static final String TASK_CREATE = "/crm/objects/2026-09/tasks/batch/create";
  private static final String TASKS = ", tasks: { on: [pql], dueIn: 1d }";

  /** Contacts u1..u3 found as 501..503, and written. */
  private static void stubThreeContacts() {
    stubFor(post(urlEqualTo("/crm/objects/2026-09/contacts/batch/read")).willReturn(json(200, batch(false))));
    stubFor(post(urlEqualTo("/crm/objects/2026-09/contacts/batch/update")).willReturn(json(200, batch(true))));
  }

  /** Every contact looked up is found, its id its email, and every write succeeds. */
  private static void stubContacts() {
    stubFor(post(urlEqualTo("/crm/objects/2026-09/contacts/batch/read"))
        .willReturn(json(200, echo("email")).withTransformers("response-template")));
    stubFor(post(urlEqualTo("/crm/objects/2026-09/contacts/batch/update"))
        .willReturn(json(200, echo("id")).withTransformers("response-template")));
  }

  /** A tasks batch/read where no key has a task: HubSpot's 207 with every input OBJECT_NOT_FOUND. */
  private static String noTasks() {
    return "{\"status\":\"COMPLETE\",\"results\":[],\"numErrors\":1,\"errors\":[{\"status\":\"error\","
        + "\"category\":\"OBJECT_NOT_FOUND\",\"message\":\"Could not get some TASK objects, they may be deleted or"
        + " not exist. Check that ids are valid.\",\"context\":{\"ids\":["
        + "{{#each (jsonPath request.body '$.inputs') as |input|}}{{#unless @first}},{{/unless}}\"{{input.id}}\""
        + "{{/each}}]},\"errors\":[],\"links\":{}}]}";
  }

  /** A tasks batch/read where every key has a task. */
  private static String foundTasks() {
    return "{\"status\":\"COMPLETE\",\"results\":[{{#each (jsonPath request.body '$.inputs') as |input|}}"
        + "{{#unless @first}},{{/unless}}{\"id\":\"t-{{@index}}\",\"archived\":false,"
        + "\"properties\":{\"pql_task_key\":\"{{input.id}}\"}}{{/each}}]}";
  }

  /** A tasks batch/create answer: one task per input, traced by its key. */
  private static String createdTasks() {
    return "{\"status\":\"COMPLETE\",\"results\":[{{#each (jsonPath request.body '$.inputs') as |input|}}"
        + "{{#unless @first}},{{/unless}}{\"id\":\"t-{{@index}}\",\"archived\":false,"
        + "\"properties\":{\"pql_task_key\":\"{{input.objectWriteTraceId}}\"},"
        + "\"objectWriteTraceId\":\"{{input.objectWriteTraceId}}\"}{{/each}}]}";
  }

  @Test
  void anOutcomesBlockBindsFromYaml(WireMockRuntimeInfo wireMock) {
    PqlConfig config = config(wireMock, ", outcomes: { pipelines: [default, \"7755\"], lifecycleCustomer: true }");

    HubSpotConfig hubspot = (HubSpotConfig) config.destinations().get("crm").config();
    assertThat(hubspot.outcomes()).isEqualTo(new HubSpotOutcomesConfig(true, List.of("default", "7755"), true));
    assertThat(((HubSpotConfig) config(wireMock).destinations().get("crm").config()).outcomes()).isNull();
  }

  /** Users u1..u{count} in account a1, each with 12 messages: every one qualifies. */
  private void writeUsers(int count) {
    sync.writeUsers(count, 12);
  }

  private PqlConfig config(WireMockRuntimeInfo wireMock) {
    return config(wireMock, "");
  }

  private PqlConfig config(WireMockRuntimeInfo wireMock, String moreSettings) {
    return sync.config(YAML, wireMock.getHttpBaseUrl(), moreSettings);
  }

  private static List<String> ids(LoggedRequest request) {
    try {
      List<String> ids = new java.util.ArrayList<>();
      new ObjectMapper().readTree(request.getBodyAsString()).get("inputs").forEach(i -> ids.add(i.get("id").asText()));
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int inputs(LoggedRequest request) {
    try {
      return new ObjectMapper().readTree(request.getBodyAsString()).get("inputs").size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A batch answer with one record per input, its id the input's id, echoing the email or the trace id. */
  private static String echo(String field) {
    String echoed = field.equals("email") ? "\"properties\":{\"email\":\"{{input.id}}\"}"
        : "\"properties\":{},\"objectWriteTraceId\":\"{{input.objectWriteTraceId}}\"";
    return "{\"status\":\"COMPLETE\",\"results\":[{{#each (jsonPath request.body '$.inputs') as |input|}}"
        + "{{#unless @first}},{{/unless}}{\"id\":\"{{input.id}}\",\"archived\":false," + echoed + "}"
        + "{{/each}}]}";
  }

  /** Contacts u1..u3 as ids 501..503, with trace ids when answering a write. */
  private static String batch(boolean written) {
    String results = IntStream.rangeClosed(1, 3).mapToObj(i -> """
        {"id":"%d","properties":{"email":"u%d@example.com"},"archived":false%s}""".formatted(500 + i, i,
        written ? ",\"objectWriteTraceId\":\"user:u" + i + "\"" : "")).collect(Collectors.joining(","));
    return "{\"status\":\"COMPLETE\",\"results\":[" + results + "]}";
  }
}
