package io.github.pqlconnector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.testing.MutableClock;
import io.github.pqlconnector.core.testing.EndToEndSync;
import io.github.pqlconnector.salesforce.api.SalesforceErrors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync engine driving the Salesforce destination from YAML against {@link SalesforceOrgStub}: Collections below
 * the bulk threshold, one Bulk job at or above it, nothing written the second time, a session renewed mid-run, and
 * the daily-allocation reserve stopping a run that the next one finishes.
 */
class SalesforceSyncEndToEndTest {
  private static final String TASKS = ", tasks: { on: [pql], dueIn: 1d, owner: record }";
  private static final String COLLECTIONS = "/services/data/v67.0/composite/sobjects";
  private static final String YAML = EndToEndSync.yaml(1, "{ type: salesforce,"
      + " auth: { loginUrl: \"%s\", clientId: \"3MVG9test.client.id\", clientSecret: \"${SF_CLIENT_SECRET}\" },"
      + " userObjects: [Contact], limits: { reservePercent: 10 }, bulk: { pollInterval: 1s }%s }");

  private final SalesforceOrgStub org = new SalesforceOrgStub();
  @RegisterExtension
  final WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(org)).build();
  private final MutableClock clock = new MutableClock(EndToEndSync.NOW);
  @TempDir Path dir;
  private EndToEndSync sync;

  @BeforeEach
  void engine() {
    sync = new EndToEndSync(dir, new SalesforceDestinationProvider(),
        Map.of("SF_CLIENT_SECRET", SalesforceStubs.CLIENT_SECRET));
  }

  @Test
  void fourHundredFiftyUsersAreThreeCollectionCallsAndASecondRunWritesNothing() {
    writeUsers(450);
    try (StateStore store = sync.openStore()) {
      RunSummary first = run(store);
      clock.advance(Duration.ofMinutes(30));
      RunSummary second = run(store);

      assertThat(first.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
      assertThat(first.counts().pushed()).isEqualTo(450);
      assertThat(second.counts().changed()).isZero();
      assertThat(second.counts().unchanged()).isEqualTo(450);
    }
    List<Integer> calls = wm.findAll(patchRequestedFor(urlEqualTo(COLLECTIONS))).stream()
        .map(SalesforceSyncEndToEndTest::records).toList();
    assertThat(calls).hasSize(3).allSatisfy(records -> assertThat(records).isBetween(1, 200));
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/services/data/v67.0/jobs/ingest"))).size()).isZero();
  }

  @Test
  void fiveThousandUsersAreOneBulkJob() {
    writeUsers(5_000);
    try (StateStore store = sync.openStore()) {
      RunSummary run = run(store);
      assertThat(run.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
      assertThat(run.counts().pushed()).isEqualTo(5_000);
      assertThat(run.counts().outboxLeft()).isZero();
    }
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/services/data/v67.0/jobs/ingest"))).size()).isEqualTo(1);
    List<LoggedRequest> uploads = wm.findAll(putRequestedFor(urlMatching(".*/jobs/ingest/.*/batches")));
    assertThat(uploads).hasSize(1);
    long rows = uploads.get(0).getBodyAsString().lines().filter(line -> line.startsWith("\"003xx")).count();
    assertThat(rows).isEqualTo(5_000);
    assertThat(wm.findAll(patchRequestedFor(urlEqualTo(COLLECTIONS))).size()).isZero();
  }

  @Test
  void aSessionThatExpiresMidRunIsRenewedOnceAndTheRunCompletes() {
    writeUsers(450);
    org.expireTokenAfter(3);
    try (StateStore store = sync.openStore()) {
      RunSummary run = run(store);
      assertThat(run.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
      assertThat(run.counts().pushed()).isEqualTo(450);
    }
    assertThat(org.tokensIssued()).isEqualTo(2);
  }

  @Test
  void theDailyReserveStopsTheRunWithNothingLostAndTheNextRunContinues() {
    writeUsers(450);
    org.othersUseAllocationAfterWrites(1, 90_000);   // other integrations spend the day's allocation meanwhile
    try (StateStore store = sync.openStore()) {
      assertThatThrownBy(() -> run(store)).isInstanceOfSatisfying(VendorException.class, e -> {
        assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED);
        assertThat(SalesforceErrors.isDailyLimit(e)).isTrue();
        assertThat(e.getMessage()).contains("limits.reservePercent").contains("next run continues");
      });
      assertThat(wm.findAll(patchRequestedFor(urlEqualTo(COLLECTIONS))).size()).isEqualTo(1);
      long queued = store.read(c -> new OutboxDao().depth(c, "s"));
      assertThat(queued).as("the batch stays queued: 250 not written, 200 written again with the same values")
          .isEqualTo(450);

      org.used.set(0);   // the rolling 24 hours have freed the allocation
      clock.advance(Duration.ofDays(1));
      RunSummary next = run(store);
      assertThat(next.counts().pushed()).isEqualTo(450);
      assertThat(next.counts().outboxLeft()).isZero();
    }
  }

  @Test
  void aQualifyingUserGetsOneTaskOnItsContactAndARetriedRunNone() {
    writeUsers(3);
    try (StateStore store = sync.openStore()) {
      RunSummary first = run(store, TASKS);
      clock.advance(Duration.ofMinutes(30));
      RunSummary second = run(store, TASKS);
      assertThat(first.counts().tasksCreated()).isEqualTo(3);
      assertThat(second.counts().tasksCreated()).isZero();
    }
    List<LoggedRequest> creates = taskCreates();
    assertThat(creates).hasSize(1);
    assertThat(creates.get(0).getBodyAsString()).contains("\"WhoId\":\"003xx")
        .contains("\"OwnerId\":\"005xx000001SwiUAAS\"").contains("\"PQL_Task_Key__c\":")
        .contains("\"allOrNone\":false");
    assertThat(org.tasksByKey).hasSize(3);
  }

  @Test
  void twoHundredTasksTakeTwoQueriesAndOneCollectionsCreate() {
    writeUsers(200);
    try (StateStore store = sync.openStore()) {
      RunSummary run = run(store, TASKS);
      assertThat(run.counts().tasksCreated()).isEqualTo(200);
    }
    assertThat(taskCreates()).hasSize(1).allSatisfy(c -> assertThat(records(c)).isEqualTo(200));
    List<LoggedRequest> taskQueries = wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
        urlMatching(".*/query.*")).withQueryParam("q",
        com.github.tomakehurst.wiremock.client.WireMock.containing("FROM Task")));
    assertThat(taskQueries).as("64-character keys: about 100 per query under the URL budget").hasSize(2);
    assertThat(org.tasksByKey).hasSize(200);
    int dataCalls = (int) wm.getAllServeEvents().stream()
        .filter(e -> !e.getRequest().getUrl().contains("oauth2")).count();
    assertThat(dataCalls / 400.0).as("calls per record or task written").isLessThanOrEqualTo(0.1);
  }

  @Test
  void aTaskCreateAppliedButAnsweredWithAResetIsQueriedAgainNotRepeated() {
    writeUsers(3);
    org.loseTaskCreates = 1;
    try (StateStore store = sync.openStore()) {
      RunSummary first = run(store, TASKS);
      assertThat(first.counts().tasksCreated()).isEqualTo(3);
      assertThat(first.counts().tasksFailed()).isZero();
      clock.advance(Duration.ofMinutes(30));
      run(store, TASKS);
    }
    assertThat(taskCreates()).as("the lost create is not sent again").hasSize(1);
    assertThat(org.tasksByKey).hasSize(3);
    assertThat(org.duplicateTasks).hasValue(0);
  }

  private List<LoggedRequest> taskCreates() {
    return wm.findAll(postRequestedFor(urlEqualTo(COLLECTIONS))).stream()
        .filter(r -> r.getBodyAsString().contains("\"type\":\"Task\"")).toList();
  }

  private RunSummary run(StateStore store) {
    return run(store, "");
  }

  private RunSummary run(StateStore store, String tasks) {
    return sync.run(config(tasks), store, clock);
  }

  private PqlConfig config(String tasks) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(SalesforceOrgStub.NAME)));
    return sync.config(YAML, wm.baseUrl(), tasks);
  }

  /** Users u1..u{count} in account a1, each with a message: every one qualifies. */
  private void writeUsers(int count) {
    sync.writeUsers(count, 1);
  }

  private static int records(LoggedRequest request) {
    return request.getBodyAsString().split("\"attributes\"", -1).length - 1;
  }
}
