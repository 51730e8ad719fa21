package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.testing.RecordingDestination;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sync engine's guarantees, run once per state database (H2 and PostgreSQL). */
abstract class SyncRunnerContract extends SyncFixture {
  @Test
  void writesInDeclaredBatchesAndAnUnchangedSecondRunWritesNothing() {
    RunSummary first = run();
    assertThat(crm.writeCalls()).isEqualTo(2);
    assertThat(crm.upsertCalls.get(0)).hasSize(100);
    assertThat(crm.records).hasSize(150);
    assertThat(crm.taskCreates).isEqualTo(100);
    assertThat(first.counts().pushed()).isEqualTo(150);
    assertThat(first.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);

    clock.advance(Duration.ofMinutes(30));
    RunSummary second = run();
    assertThat(crm.writeCalls()).isEqualTo(2);
    assertThat(crm.taskCreates).isEqualTo(100);
    assertThat(second.counts().changed()).isZero();
    assertThat(second.counts().unchanged()).isEqualTo(150);
  }

  @Test
  void crashBetweenOutboxWriteAndPushLosesNothingOnTheNextRun() {
    crm.crashOnUpsertCall = 1;
    assertThatThrownBy(this::run).isInstanceOf(RecordingDestination.Crash.class);
    assertThat(crm.records).isEmpty();
    assertThat(outboxDepth()).isEqualTo(150);

    restart();
    crm.crashOnUpsertCall = -1;
    run();
    assertThat(crm.records).hasSize(150);
    assertThat(outboxDepth()).isZero();
    assertThat(crm.taskCreates).isEqualTo(100);
  }

  @Test
  void crashAfterTheCrmCreatedATaskCreatesNoSecondTask() {
    crm.crashAfterNextTask = true;
    assertThatThrownBy(this::run).isInstanceOf(RecordingDestination.Crash.class);
    restart();
    run();
    clock.advance(Duration.ofHours(1));
    run();
    assertThat(crm.tasksByKey).hasSize(100);
    assertThat(crm.taskCreates).isEqualTo(100);
  }

  @Test
  void partialBatchFailureMarksTheRestAndRetriesOnlyRetryableFailures() {
    crm.failIds.put("u003", ErrorCategory.INVALID_REQUEST);
    crm.failIds.put("u004", ErrorCategory.RATE_LIMITED);
    RunSummary first = run();
    assertThat(first.status()).isEqualTo(RunSummary.RunStatus.PARTIAL);
    assertThat(first.counts().pushed()).isEqualTo(148);
    assertThat(crm.records).hasSize(148);
    List<io.github.pqlconnector.core.error.RecordError> errors = store.read(c -> new RunDao().errors(c, first.runId()));
    assertThat(errors)
        .extracting(e -> e.entity().id() + " " + e.vendorCode() + " " + e.message())
        .containsExactly("u003 INVALID_EMAIL Email address is invalid", "u004 RATE_LIMIT try later");

    crm.failIds.clear();
    clock.advance(Duration.ofMinutes(30));
    RunSummary second = run();
    assertThat(crm.upsertCalls.get(crm.writeCalls() - 1)).containsExactly(EntityRef.user("u004"));
    assertThat(second.counts().pushed()).isEqualTo(1);
    assertThat(crm.records).doesNotContainKey(EntityRef.user("u003"));
  }

  @Test
  void oneTaskPerQualificationEpisode() {
    run();
    assertThat(crm.taskCreates).isEqualTo(100);
    data.clearEvents();
    clock.advance(Duration.ofDays(2));
    run();
    assertThat(crm.records.get(EntityRef.user("u001")).status()).isEqualTo("pql");
    clock.advance(Duration.ofDays(2));
    run();
    assertThat(crm.records.get(EntityRef.user("u001")).status()).isEqualTo("cold");
    assertThat(crm.taskCreates).isEqualTo(100);

    data.events("message_sent", 12, "u001", null, clock.instant());
    clock.advance(Duration.ofMinutes(5));
    run();
    assertThat(crm.records.get(EntityRef.user("u001")).status()).isEqualTo("pql");
    assertThat(crm.taskCreates).isEqualTo(101);
    assertThat(crm.tasksByKey.values()).filteredOn(t -> t.entity().id().equals("u001")).hasSize(2);
  }

  @Test
  void unmatchedRecordsAreReportedAndPushedOnceTheyExist() {
    crm.missingKeys.add("u005@example.com");
    RunSummary first = run();
    assertThat(first.counts().unmatched()).isGreaterThanOrEqualTo(1);
    assertThat(first.report().unmatchedSamples()).contains("user:u005 (email not found)");
    assertThat(crm.records).doesNotContainKey(EntityRef.user("u005"));

    crm.missingKeys.clear();
    clock.advance(Duration.ofDays(1));
    run();
    assertThat(crm.records).containsKey(EntityRef.user("u005"));
    assertThat(crm.tasksByKey.values()).filteredOn(t -> t.entity().id().equals("u005")).hasSize(1);
  }

  @Test
  void planWritesNothingAnywhere() {
    PlanResult plan = new SyncRunner(config, store, new Connectors(plugins(), clock)).plan(null, Progress.NONE);
    assertThat(plan.counts().changed()).isEqualTo(150);
    assertThat(plan.wouldOpenTasks()).hasSize(100).first().asString()
        .startsWith("PQL: u001@example.com — Sent 12 messages (≥ 10)");
    assertThat(crm.writeCalls()).isZero();
    assertThat(outboxDepth()).isZero();
    List<RunDao.RunRow> runs = store.read(c -> new RunDao().list(c, null, 10));
    assertThat(runs).isEmpty();
  }

  @Test
  void planCountsStatusTransitionsFromTheStoredStates() {
    PlanResult first = new SyncRunner(config, store, new Connectors(plugins(), clock)).plan(null, Progress.NONE);
    assertThat(first.transitions()).containsExactly(new PlanResult.Transition("new", "pql", 100),
        new PlanResult.Transition("new", "cold", 50));
    assertThat(first.from(EntityRef.user("u001"))).isEqualTo(PlanResult.NEW);
    assertThat(first.tasks()).first().satisfies(t -> {
      assertThat(t.entity()).isEqualTo(EntityRef.user("u001"));
      assertThat(t.trigger()).isEqualTo("pql");
      assertThat(t.owner()).as("the record's owner, known only to the CRM").isNull();
    });

    run();
    clock.advance(Duration.ofHours(1));
    data.events("message_sent", 10, "u101", null, clock.instant());
    PlanResult second = new SyncRunner(config, store, new Connectors(plugins(), clock)).plan(null, Progress.NONE);
    assertThat(second.transitions()).containsExactly(new PlanResult.Transition("cold", "pql", 1));
    assertThat(second.wouldWrite()).extracting(Evaluation::entity).containsExactly(EntityRef.user("u101"));
    assertThat(second.from(EntityRef.user("u101"))).isEqualTo("cold");
  }

  @Test
  void runHistoryKeepsCountsAndStatus() {
    RunSummary summary = run();
    RunDao.RunRow row = store.read(c -> new RunDao().get(c, summary.runId())).orElseThrow();
    assertThat(row.status()).isEqualTo("SUCCESS");
    assertThat(row.trigger()).isEqualTo("MANUAL");
    assertThat(row.counts()).contains("\"pushed\":150").contains("\"tasksCreated\":100");
    assertThat(row.finishedAt()).isNotNull();
  }

}
