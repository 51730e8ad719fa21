package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.testing.RecordingDestination;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Draining with stored CRM ids and with several batches in flight, once per state database. */
abstract class DrainContract extends SyncFixture {
  @Test
  void laterRunsWriteToStoredRecordIdsWithoutLookingThemUpAgain() {
    run();
    assertThat(crm.matchCalls).hasValue(2);

    moreMessagesForTheFirstHundred();
    RunSummary second = run();
    assertThat(second.counts().pushed()).isEqualTo(100);
    assertThat(crm.writeCalls()).isEqualTo(3);
    assertThat(crm.matchCalls).hasValue(2);
    assertThat(crm.records.get(EntityRef.user("u001")).reasons()).contains("Sent 17 messages (≥ 10)");
  }

  @Test
  void aStoredIdTheCrmNoLongerHasIsForgottenAndLookedUpAgain() {
    run();
    crm.deletedRecordIds.add("crm-u001@example.com");
    moreMessagesForTheFirstHundred();
    RunSummary second = run();
    assertThat(second.counts().pushed()).isEqualTo(99);
    assertThat(second.report().failureSamples()).anyMatch(f -> f.contains("u001") && f.contains("OBJECT_NOT_FOUND"));
    assertThat(outboxDepth()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(5));
    RunSummary third = run();
    assertThat(third.counts().pushed()).isEqualTo(1);
    assertThat(crm.upsertCalls.get(crm.writeCalls() - 1)).containsExactly(EntityRef.user("u001"));
    assertThat(crm.records.get(EntityRef.user("u001")).reasons()).contains("Sent 17 messages (≥ 10)");
    assertThat(outboxDepth()).isZero();
  }

  @Test
  void severalBatchesInFlightWriteEveryRecordOnceAndOpenEveryTaskOnce() {
    crm.maxInFlight = 4;
    crm.maxBatch = 10;
    crm.delayMillis = 30;
    RunSummary summary = run();
    assertThat(summary.counts().pushed()).isEqualTo(150);
    assertThat(crm.writeCalls()).isEqualTo(15);
    assertThat(crm.peakConcurrentWrites.get()).isBetween(2, 4);
    assertThat(crm.upsertCalls.stream().flatMap(java.util.List::stream).distinct()).hasSize(150);
    assertThat(crm.taskCreates).isEqualTo(100);
    assertThat(outboxDepth()).isZero();
  }

  @Test
  void aBatchFailingWhileOthersAreInFlightLosesAndDuplicatesNothing() {
    crm.maxInFlight = 4;
    crm.maxBatch = 10;
    crm.delayMillis = 20;
    crm.crashOnUpsertCall = 3;
    assertThatThrownBy(this::run).isInstanceOf(RecordingDestination.Crash.class);
    assertThat(outboxDepth()).isEqualTo(150 - crm.records.size());
    assertThat(crm.taskCreates).isZero();

    restart();
    crm.crashOnUpsertCall = -1;
    run();
    assertThat(crm.records).hasSize(150);
    assertThat(outboxDepth()).isZero();
    assertThat(crm.taskCreates).isEqualTo(100);
  }

  @Test
  void theDailyLimitRunningOutWhileOpeningTasksParksNoTask() {
    crm.failTasksWith = new VendorException("recording", ErrorCategory.QUOTA_EXHAUSTED, 429,
        "daily limit reached", null);
    assertThatThrownBy(this::run).isInstanceOf(VendorException.class);
    assertThat(crm.records).hasSize(150);
    assertThat(crm.taskCreates).isZero();

    crm.failTasksWith = null;
    clock.advance(Duration.ofDays(1));
    run();
    assertThat(crm.taskCreates).isEqualTo(100);
  }

  @Test
  void tasksAreFoundAndCreatedInBatchesWithTheOwnersOfTheRecordsJustPushed() {
    crm.maxTaskBatch = 50;
    RunSummary summary = run();
    assertThat(summary.counts().tasksCreated()).isEqualTo(100);
    assertThat(crm.findTaskCalls).hasValue(2);
    assertThat(crm.createTaskCalls).hasValue(2);
    assertThat(crm.matchCalls).as("no lookup per task: the push matched the records").hasValue(2);
    assertThat(crm.tasksByKey.values()).allMatch(t -> "owner-1".equals(t.ownerId()));

    clock.advance(Duration.ofMinutes(30));
    run();
    assertThat(crm.findTaskCalls).hasValue(2);
    assertThat(crm.createTaskCalls).hasValue(2);
  }

  @Test
  void aCreateWhoseAnswerWasLostIsLookedUpAgainNotRepeated() {
    crm.loseTaskResponses = 1;
    RunSummary summary = run();
    assertThat(crm.tasksByKey).hasSize(100);
    assertThat(crm.duplicateTasks).hasValue(0);
    assertThat(crm.taskCreates).isEqualTo(100);
    assertThat(crm.createTaskCalls).hasValue(1);
    assertThat(crm.findTaskCalls).as("find, then find again after the lost answer").hasValue(2);
    assertThat(summary.counts().tasksCreated()).isEqualTo(100);
    assertThat(summary.counts().tasksFailed()).isZero();
  }

  @Test
  void createsThatKeepFailingStopAfterTheLastAttemptAndResumeWithAFindNextRun() {
    crm.failTasksWith = new VendorException("recording", ErrorCategory.TRANSIENT, 503, "unavailable", null);
    RunSummary first = run();
    assertThat(crm.createTaskCalls).hasValue(TaskBatchWriter.MAX_CREATES);
    assertThat(crm.findTaskCalls).hasValue(TaskBatchWriter.MAX_CREATES + 1);
    assertThat(first.counts().tasksFailed()).isEqualTo(100);
    assertThat(crm.tasksByKey).isEmpty();

    crm.failTasksWith = null;
    clock.advance(Duration.ofMinutes(30));
    RunSummary second = run();
    assertThat(second.counts().tasksCreated()).isEqualTo(100);
    assertThat(crm.duplicateTasks).hasValue(0);
  }

  @Test
  void aTaskTheCrmRefusesIsRecordedWhileTheRestOfItsBatchIsCreated() {
    crm.refuseTasks.put("u001", ErrorCategory.INVALID_REQUEST);
    RunSummary first = run();
    assertThat(first.counts().tasksCreated()).isEqualTo(99);
    assertThat(first.counts().tasksFailed()).isEqualTo(1);
    assertThat(first.report().failureSamples()).anyMatch(f -> f.contains("u001") && f.contains("INVALID_OWNER"));
    assertThat(crm.createTaskCalls).hasValue(1);

    clock.advance(Duration.ofMinutes(30));
    RunSummary early = run();
    assertThat(crm.createTaskCalls).as("a refused task is not sent again at once").hasValue(1);
    assertThat(early.counts().tasksStillFailing()).isEqualTo(1);
  }

  @Test
  void twoEntitiesNamingOneCrmRecordInABatchWriteOnlyTheFirst() {
    data.user("alias", "u001@example.com", "a1").events("message_sent", 2, "alias", null, NOW);
    RunSummary run = run();

    List<EntityRef> written = crm.upsertCalls.stream().flatMap(List::stream)
        .filter(e -> e.id().equals("u001") || e.id().equals("alias")).toList();
    assertThat(written).hasSize(1);
    assertThat(run.report().failureSamples()).anyMatch(f -> f.contains(BatchPusher.DUPLICATE));
  }

  @Test
  void aRefusedTaskIsCreatedOnceItsTimeHasComeAfterTheCauseIsGone() {
    crm.refuseTasks.put("u001", ErrorCategory.INVALID_REQUEST);
    run();
    crm.refuseTasks.clear();
    clock.advance(Duration.ofMinutes(59));
    run();
    assertThat(crm.tasksByKey).hasSize(99);

    clock.advance(Duration.ofMinutes(1));
    RunSummary due = run();
    assertThat(due.counts().tasksCreated()).isEqualTo(1);
    assertThat(due.counts().tasksStillFailing()).isZero();
    assertThat(crm.tasksByKey).hasSize(100);
    assertThat(crm.duplicateTasks).hasValue(0);
  }

  private void moreMessagesForTheFirstHundred() {
    for (int i = 1; i <= 100; i++) {
      String user = "u%03d".formatted(i);
      data.events("message_sent", 5, user, null, NOW.plusSeconds(60));
    }
    clock.advance(Duration.ofMinutes(30));
  }
}
