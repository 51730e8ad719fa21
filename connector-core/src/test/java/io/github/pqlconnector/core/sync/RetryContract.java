package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.TaskDao;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A refusal is never forever, and "not found" is remembered: once per state database (H2 and PostgreSQL). */
abstract class RetryContract extends SyncFixture {
  private static final EntityRef U003 = EntityRef.user("u003");
  private static final EntityRef U004 = EntityRef.user("u004");
  private static final EntityRef U005 = EntityRef.user("u005");

  @Test
  void aRefusedRecordIsWrittenOnTheRunAfterItsTimeHasComeAndNotBefore() {
    crm.failIds.put("u003", ErrorCategory.INVALID_REQUEST);
    RunSummary first = run();
    assertThat(first.status()).isEqualTo(RunSummary.RunStatus.PARTIAL);
    assertThat(first.counts().stillFailing()).isEqualTo(1);
    assertThat(first.counts().outboxLeft()).isZero();
    assertThat(first.report().stillFailing()).containsExactly(new RunReport.StillFailing("user:u003", "record", NOW,
        1, NOW.plus(Duration.ofHours(1)), "INVALID_REQUEST INVALID_EMAIL: Email address is invalid"));

    crm.failIds.clear();
    clock.advance(Duration.ofMinutes(59));
    RunSummary early = run();
    assertThat(crm.records).doesNotContainKey(U003);
    assertThat(early.counts().stillFailing()).isEqualTo(1);
    assertThat(early.report().stillFailing()).hasSize(1);

    clock.advance(Duration.ofMinutes(1));
    RunSummary due = run();
    assertThat(crm.records).containsKey(U003);
    assertThat(crm.upsertCalls.get(crm.writeCalls() - 1)).containsExactly(U003);
    assertThat(due.counts().pushed()).isEqualTo(1);
    assertThat(due.counts().stillFailing()).isZero();
    assertThat(due.report().stillFailing()).isEmpty();
  }

  @Test
  void eachRefusalInARowWaitsLongerUpToADay() {
    crm.failIds.put("u003", ErrorCategory.INVALID_REQUEST);
    run();
    clock.advance(Duration.ofHours(1));
    RunSummary second = run();
    assertThat(second.report().stillFailing()).singleElement().satisfies(f -> {
      assertThat(f.firstFailedAt()).isEqualTo(NOW);
      assertThat(f.attempts()).isEqualTo(2);
      assertThat(f.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofHours(6)));
    });
    clock.advance(Duration.ofHours(6));
    run();
    clock.advance(Duration.ofDays(1));
    RunSummary fourth = run();
    assertThat(fourth.report().stillFailing()).singleElement().satisfies(f -> {
      assertThat(f.attempts()).isEqualTo(4);
      assertThat(f.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofDays(1)));
    });
  }

  @Test
  void aSuccessfulSetupMakesRecordsRefusedBeforeItDueAtOnce() {
    crm.failIds.put("u003", ErrorCategory.INVALID_REQUEST);
    run();
    crm.failIds.clear();
    clock.advance(Duration.ofMinutes(5));
    run();
    assertThat(crm.records).doesNotContainKey(U003);

    clock.advance(Duration.ofMinutes(1));
    Retries.setupSucceeded(store, "crm", clock.instant());
    clock.advance(Duration.ofMinutes(1));
    run();
    assertThat(crm.records).containsKey(U003);
  }

  @Test
  void aDestinationConfigChangeMakesRefusedAndUnmatchedRecordsDueAtOnce() {
    crm.failIds.put("u003", ErrorCategory.INVALID_REQUEST);
    crm.missingKeys.add("u005@example.com");
    run();
    crm.failIds.clear();
    crm.missingKeys.clear();
    clock.advance(Duration.ofMinutes(5));
    run();
    assertThat(crm.records).doesNotContainKeys(U003, U005);

    config = parse(YAML.replace("dueIn: 2d", "dueIn: 3d"));
    clock.advance(Duration.ofMinutes(5));
    RunSummary changed = run();
    assertThat(crm.records).containsKeys(U003, U005);
    assertThat(changed.counts().stillFailing()).isZero();
    assertThat(changed.counts().stillUnmatched()).isZero();
  }

  @Test
  void retryOfOneRecordWritesOnlyThatOneAndIsRecordedAsARetryRun() {
    crm.failIds.put("u003", ErrorCategory.INVALID_REQUEST);
    crm.failIds.put("u004", ErrorCategory.INVALID_REQUEST);
    run();
    crm.failIds.clear();
    clock.advance(Duration.ofMinutes(5));

    RunSummary retried = runner().retry(null, List.of(U003), Progress.NONE);
    assertThat(crm.records).containsKey(U003).doesNotContainKey(U004);
    assertThat(retried.counts().stillFailing()).isEqualTo(1);
    assertThat(store.read(c -> new RunDao().get(c, retried.runId())).orElseThrow().trigger()).isEqualTo("RETRY");

    assertThatThrownBy(() -> runner().retry(null, List.of(EntityRef.user("u001")), Progress.NONE))
        .isInstanceOf(ConfigException.class).hasMessageContaining("no refused or unmatched record user:u001");
    runner().retry(null, List.of(), Progress.NONE);
    assertThat(crm.records).containsKey(U004);
  }

  @Test
  void unmatchedRecordsAreNotLookedUpAgainWithinTheIntervalAndAreNoBacklog() {
    crm.missingKeys.add("u005@example.com");
    RunSummary first = run();
    assertThat(first.counts().stillUnmatched()).isEqualTo(1);
    assertThat(first.counts().outboxLeft()).isZero();
    assertThat(outboxDepth()).isZero();
    assertThat(first.report().unmatchedSamples()).contains("user:u005 (email not found)");

    crm.missingKeys.clear();
    clock.advance(Duration.ofHours(23));
    RunSummary within = run();
    assertThat(within.report().unmatchedSamples()).doesNotContain("user:u005 (email not found)");
    assertThat(dueTasks(clock.instant())).noneMatch(t -> t.entity().equals(U005));
    assertThat(crm.records).doesNotContainKey(U005);
    assertThat(within.counts().stillUnmatched()).isEqualTo(1);
    assertThat(within.counts().outboxLeft()).isZero();

    clock.advance(Duration.ofHours(1));
    RunSummary after = run();
    assertThat(crm.records).containsKey(U005);
    assertThat(after.counts().stillUnmatched()).isZero();
  }

  @Test
  void theRecheckIntervalIsTheDestinationsRecheckUnmatched() {
    config = parse(YAML.replace("crm: { type: recording,", "crm: { type: recording, recheckUnmatched: 2h,"));
    assertThat(config.destinations().get("crm").recheckUnmatched()).isEqualTo(Duration.ofHours(2));
    crm.missingKeys.add("u005@example.com");
    run();
    crm.missingKeys.clear();
    clock.advance(Duration.ofMinutes(119));
    run();
    assertThat(crm.records).doesNotContainKey(U005);
    clock.advance(Duration.ofMinutes(1));
    run();
    assertThat(crm.records).containsKey(U005);
  }

  @Test
  void aRefusedTaskComesBackOnItsTimeOnSetupAndOnRetry() {
    TaskDao tasks = new TaskDao();
    TaskDao.Row task = new TaskDao.Row("k1", U003, "pql", NOW, "{}", 0);
    store.write(c -> tasks.enqueue(c, "s", List.of(task), NOW));
    Instant next = RetrySchedule.nextAttempt(NOW, 1);
    store.write(c -> {
      tasks.markAttempt(c, "k1", TaskDao.State.FAILED, "owner is inactive", NOW, next);
      return null;
    });
    assertThat(dueTasks(NOW.plus(Duration.ofMinutes(59)))).isEmpty();
    assertThat(dueTasks(next)).singleElement()
        .satisfies(r -> assertThat(r.refusals()).isEqualTo(1));
    assertThat(pendingTasks()).isEmpty();

    Retries.makeDue(store, "s", List.of(U003));
    assertThat(dueTasks(NOW)).hasSize(1);

    store.write(c -> {
      tasks.markAttempt(c, "k1", TaskDao.State.FAILED, "owner is inactive", NOW.plusSeconds(60), next);
      return null;
    });
    assertThat(dueTasks(NOW.plusSeconds(120))).isEmpty();
    Retries.setupSucceeded(store, "crm", NOW.plusSeconds(120));
    clock.advance(Duration.ofMinutes(3));
    run();
    assertThat(crm.tasksByKey).as("the run after setup creates it").containsKey("k1");
  }

  private List<TaskDao.Row> dueTasks(Instant at) {
    return store.read(c -> new TaskDao().due(c, "s", 10, at));
  }

  private List<TaskDao.Row> pendingTasks() {
    return store.read(c -> new TaskDao().due(c, "s", 10, Instant.EPOCH));
  }

  private SyncRunner runner() {
    return new SyncRunner(config, store, new Connectors(plugins(), clock));
  }

  private io.github.pqlconnector.core.config.PqlConfig parse(String yaml) {
    return new ConfigLoader(plugins(), Map.<String, String>of()::get)
        .parse(yaml.formatted(dir.toString().replace("\\", "/")));
  }
}
