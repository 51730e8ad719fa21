package io.github.pqlconnector.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.DestinationContext;
import io.github.pqlconnector.core.spi.SetupReport;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.testing.Dataset;
import io.github.pqlconnector.core.testing.MutableClock;
import io.github.pqlconnector.core.testing.EndToEndSync;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The sync engine driving the Bitrix24 destination from YAML against a fake portal: batches of 50, nothing twice. */
class Bitrix24SyncEndToEndTest {
  private static final String YAML = EndToEndSync.yaml(10, "{ type: bitrix24, webhookUrl: \"${BITRIX24_WEBHOOK_URL}\"%s }");
  private static final String ACCOUNTS_YAML = YAML.replace("levels: [user]", "levels: [account]");
  private static final FakePortal FAKE = new FakePortal();
  private static final String TASKS = ", tasks: { on: [pql], dueIn: 1d }";

  @RegisterExtension
  static WireMockExtension portal = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(FAKE)).build();

  @TempDir Path dir;
  private final Bitrix24Stubs.FakeTime time = new Bitrix24Stubs.FakeTime();
  private EndToEndSync sync;

  @BeforeEach
  void portalAnswersEverything() {
    sync = new EndToEndSync(dir, new Bitrix24DestinationProvider(time.timing()),
        Map.of("BITRIX24_WEBHOOK_URL", portal.baseUrl() + Bitrix24Stubs.PREFIX));
    FAKE.reset();
    portal.stubFor(post(urlMatching(Bitrix24Stubs.PREFIX + ".*"))
        .willReturn(aResponse().withTransformers(FakePortal.NAME)));
  }

  @Test
  void setupCreatesTheFieldsOnceAndThenFindsThemAll() {
    SetupReport first = setup();
    SetupReport second = setup();

    assertThat(first.created()).hasSize(14).contains("contact.UF_CRM_PQL_STATUS", "company.UF_CRM_PQL_STATUS")
        .as("companies are matched by their websites: no domain field of our own").doesNotContain(
            "company.UF_CRM_PQL_DOMAIN");
    assertThat(first.problems()).isEmpty();
    assertThat(second.created()).isEmpty();
    assertThat(second.unchanged()).hasSize(14);
    assertThat(second.problems()).isEmpty();
  }

  @Test
  void hundredTwentyUsersAreThreeWriteBatchesAndASecondIdenticalRunWritesNothing() {
    setup();
    writeUsers(120);
    PqlConfig config = config();
    MutableClock clock = new MutableClock(Bitrix24Stubs.NOW);

    try (StateStore store = sync.openStore()) {
      RunSummary first = sync.run(config, store, clock);
      clock.advance(Duration.ofDays(1));    // the not-found account is looked up again after recheckUnmatched
      RunSummary second = sync.run(config, store, clock);

      assertThat(first.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
      assertThat(first.counts().pushed()).isEqualTo(120);
      assertThat(second.counts().changed()).isZero();
      assertThat(second.counts().unchanged()).isEqualTo(120);
    }
    List<LoggedRequest> writes = portal.findAll(postRequestedFor(urlEqualTo(Bitrix24Stubs.path("batch")))
        .withRequestBody(containing("crm.item.update")));
    assertThat(writes).extracting(Bitrix24SyncEndToEndTest::commands).containsExactly(50, 50, 20);
    assertThat(time.sleeps).as("seven requests stay inside the burst").isEmpty();
  }

  @Test
  void accountsAreMatchedByTheWebsitesTheirCompaniesCarryAndTheIndexIsKeptInTheStateStore() {
    setup();
    FAKE.companies.clear();
    FAKE.companies.at(Bitrix24Stubs.NOW);
    FAKE.companies.put(7, "https://www.a1.example/");
    FAKE.companies.put(8, "A2.EXAMPLE:443/contact", "a2.example.org");
    FAKE.companies.put(9, "http://a2.example");
    Dataset data = new Dataset(dir);
    IntStream.rangeClosed(1, 3).forEach(i -> data.account("a" + i, "a" + i + ".example")
        .events("message_sent", 12, "u" + i, "a" + i, Bitrix24Stubs.NOW));
    PqlConfig config = sync.config(ACCOUNTS_YAML, "");
    MutableClock clock = new MutableClock(Bitrix24Stubs.NOW);

    try (StateStore store = sync.openStore()) {
      RunSummary first = sync.run(config, store, clock);
      clock.advance(Duration.ofDays(1));    // the not-found account is looked up again after recheckUnmatched
      RunSummary second = sync.run(config, store, clock);

      assertThat(first.counts().pushed()).isEqualTo(2);
      assertThat(first.counts().unmatched()).isEqualTo(1);
      assertThat(first.report().destinationNotes()).containsExactly(
          "Bitrix24 company index (WEB): 3 companies indexed; 3 read this run (full read)",
          "1 domain is on several companies, each matched to the lowest company id: a2.example → 8 (also 9)");
      assertThat(second.report().destinationNotes()).first().asString().endsWith("(changed since the last run)");
    }
    List<LoggedRequest> writes = portal.findAll(postRequestedFor(urlEqualTo(Bitrix24Stubs.path("batch")))
        .withRequestBody(containing("crm.item.update")));
    assertThat(writes).singleElement().satisfies(write -> assertThat(write.getBodyAsString())
        .contains("crm.item.update?entityTypeId=4&id=7&", "crm.item.update?entityTypeId=4&id=8&"));
    assertThat(portal.findAll(postRequestedFor(urlEqualTo(Bitrix24Stubs.path("crm.company.list")))))
        .extracting(LoggedRequest::getBodyAsString)
        .satisfiesExactly(full -> assertThat(full).contains("\"filter\":{}"),
            changed -> assertThat(changed).contains("\"filter\":{\">=DATE_MODIFY\":\"2026-11-30T15:00:00+03:00\"}"));
  }

  @Test
  void twoHundredToDosAreFourListBatchesAndFourAddBatches() {
    setup();
    writeUsers(200);
    try (StateStore store = sync.openStore()) {
      RunSummary run = sync.run(sync.config(YAML, TASKS), store, new MutableClock(Bitrix24Stubs.NOW));
      assertThat(run.counts().tasksCreated()).isEqualTo(200);
    }
    assertThat(batches("crm.activity.list")).extracting(Bitrix24SyncEndToEndTest::commands)
        .containsExactly(50, 50, 50, 50);
    assertThat(batches("crm.activity.todo.add")).extracting(Bitrix24SyncEndToEndTest::commands)
        .containsExactly(50, 50, 50, 50);
    assertThat(FAKE.todos).hasSize(200);
    int runCalls = portal.findAll(postRequestedFor(urlMatching(Bitrix24Stubs.PREFIX + ".*"))).size();
    assertThat(runCalls / 400.0).as("calls per record or to-do written, setup included").isLessThanOrEqualTo(0.1);
  }

  @Test
  void aBatchOfToDosAppliedButAnsweredWithAResetIsListedAgainNotAddedTwice() {
    setup();
    writeUsers(30);
    FAKE.loseTodoBatches = 1;
    MutableClock clock = new MutableClock(Bitrix24Stubs.NOW);
    try (StateStore store = sync.openStore()) {
      RunSummary first = sync.run(sync.config(YAML, TASKS), store, clock);
      assertThat(first.counts().tasksCreated()).isEqualTo(30);
      assertThat(first.counts().tasksFailed()).isZero();
      clock.advance(Duration.ofMinutes(30));
      sync.run(sync.config(YAML, TASKS), store, clock);
    }
    assertThat(batches("crm.activity.todo.add")).as("the lost batch is not sent again").hasSize(1);
    assertThat(batches("crm.activity.list")).as("listed, then listed again after the reset").hasSize(2);
    assertThat(FAKE.todos).hasSize(30);
  }

  private List<LoggedRequest> batches(String method) {
    return portal.findAll(postRequestedFor(urlEqualTo(Bitrix24Stubs.path("batch"))).withRequestBody(containing(method)));
  }

  private SetupReport setup() {
    try (var destination = sync.plugins().destination("bitrix24").orElseThrow()
        .create(config().destinations().get("crm").config(),
            new DestinationContext("crm", time.clock, new SimpleMeterRegistry()))) {
      return destination.ensureFields(false);
    }
  }

  /** Users u1..u{count}, each with 12 messages: every one qualifies. */
  private void writeUsers(int count) {
    sync.writeUsers(count, 12);
  }

  private PqlConfig config() {
    return sync.config(YAML, "");
  }

  private static int commands(LoggedRequest request) {
    try {
      return new ObjectMapper().readTree(request.getBodyAsString()).get("cmd").size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
