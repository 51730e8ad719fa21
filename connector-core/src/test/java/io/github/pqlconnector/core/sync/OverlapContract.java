package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.testing.JsonLinesSource;
import io.github.pqlconnector.core.state.RunDao;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Pushing while the run's changes are still being stored, chunk by chunk: the first write goes out before the last
 * chunk is stored, nothing is pushed that is not stored, and a crash between chunks loses and duplicates nothing.
 * Chunks of 10 of the fixture's 150 users, batches of 10.
 */
abstract class OverlapContract extends SyncFixture {
  @Test
  void theFirstWriteGoesOutWhileTheRestIsStillBeingStored() {
    crm.maxBatch = 10;
    AtomicInteger chunks = new AtomicInteger();
    List<Long> storedWhenFirstWritten = new ArrayList<>();
    RunSummary summary = runner().chunking(10, () -> {
      if (chunks.incrementAndGet() == 1) {   // hold the writer until the drain has pushed the first chunk
        awaitFirstWrite(Duration.ofSeconds(10));
        storedWhenFirstWritten.add(storedStates());
      }
    }).run(null, RunTrigger.MANUAL, false, Progress.NONE);

    assertThat(storedWhenFirstWritten).containsExactly(10L);
    assertThat(summary.counts().pushed()).isEqualTo(150);
    assertThat(crm.writeCalls()).as("full batches across chunks").isEqualTo(15);
    assertThat(crm.upsertCalls.stream().flatMap(List::stream).distinct()).hasSize(150);
    assertThat(crm.taskCreates).isEqualTo(100);
    assertThat(outboxDepth()).isZero();
    assertThat(storedStates()).isEqualTo(150);
  }

  @Test
  void aCrashBetweenChunksLosesNothingAndDuplicatesNoTask() {
    crm.maxBatch = 10;
    AtomicInteger chunks = new AtomicInteger();
    assertThatThrownBy(() -> runner().chunking(10, () -> {
      if (chunks.incrementAndGet() == 3) {
        throw new IllegalStateException("simulated crash after the third chunk");
      }
    }).run(null, RunTrigger.MANUAL, false, Progress.NONE)).hasMessageContaining("simulated crash");

    assertThat(storedStates()).isEqualTo(30);
    assertThat(crm.records).hasSizeLessThanOrEqualTo(30)
        .allSatisfy((ref, fields) -> assertThat(ref.id()).isLessThanOrEqualTo("u030"));
    assertThat(crm.records.size() + outboxDepth()).as("what was stored is pushed or still queued").isEqualTo(30);
    assertThat(store.read(c -> new RunDao().list(c, "s", 1)).get(0).status()).isEqualTo("FAILED");

    RunSummary next = run();
    assertThat(next.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
    assertThat(crm.records).hasSize(150);
    assertThat(crm.records.get(EntityRef.user("u150")).status()).isEqualTo("cold");
    assertThat(crm.records.get(EntityRef.user("u001")).status()).isEqualTo("pql");
    assertThat(crm.taskCreates).isEqualTo(100);
    assertThat(crm.duplicateTasks).hasValue(0);
    assertThat(outboxDepth()).isZero();
  }

  @Test
  void theLevelsAreStoredInStepAndStillFillWholeBatches() {
    config = new ConfigLoader(plugins(), Map.<String, String>of()::get).parse(YAML.replace("levels: [user]",
        "levels: [account, user]").formatted(dir.toString().replace("\\", "/")));
    for (int i = 1; i <= 15; i++) {   // a1 has the fixture's 150 users; 15 accounts in all
      data.account("a%d".formatted(i), "a%d.example.com".formatted(i)).events("message_sent", 1, null, "a" + i, NOW);
    }
    crm.maxBatch = 10;
    List<String> stored = new ArrayList<>();
    RunSummary summary = runner().chunking(40, () -> stored.add(storedStates() + "")).run(null, RunTrigger.MANUAL,
        false, Progress.NONE);

    // 150 users and 15 accounts, 40 users a chunk: each with its tenth as many accounts, stored just before it
    assertThat(stored).containsExactly("4", "44", "48", "88", "92", "132", "135", "165");
    assertThat(summary.counts().pushed()).isEqualTo(165);
    assertThat(crm.writeCalls()).as("whole batches per level, however the chunks cut them").isEqualTo(15 + 2);
    assertThat(crm.upsertCalls).allSatisfy(call -> assertThat(call.stream().map(EntityRef::level).distinct())
        .hasSize(1));
  }

  @Test
  void aFirstRunLooksEveryRecordUpOnceWhileTheEventsAreRead() {
    // the read waits until both lookups are done: they must not need the events, nor any verdict
    RunSummary summary = runOnceMatched(2);

    // the 150 users' keys are known from the traits: looked up by the early lookup, none again by the push
    assertThat(summary.counts().pushed()).isEqualTo(150);
    assertThat(crm.matchThreads).containsExactly("pql-early-match", "pql-early-match");
    assertThat(crm.records).hasSize(150).allSatisfy((ref, fields) -> assertThat(crm.recordIds)
        .containsEntry("crm-" + ref.id() + "@example.com", ref));

    crm.matchThreads.clear();
    run();
    assertThat(crm.matchThreads).as("records the sync knows are never looked up early").isEmpty();
  }

  @Test
  void theEarlyLookupsAndThePushTogetherKeepToMaxInFlight() {
    crm.maxInFlight = 2;
    crm.maxBatch = 10;
    crm.matchDelayMillis = 100;   // 15 lookups, 2 at a time: still going when the push starts
    crm.delayMillis = 20;
    RunSummary summary = runOnceMatched(1);

    assertThat(summary.counts().pushed()).isEqualTo(150);
    assertThat(crm.peakConcurrentCalls).as("lookups and writes out at once").hasValueLessThanOrEqualTo(2);
    assertThat(crm.matchCalls).as("each of the 15 batches of keys looked up once, early or by the push")
        .hasValue(15);
  }

  @Test
  void aFailedEarlyLookupIsMadeByThePushInstead() {
    crm.failNextMatch.set(new VendorException("crm", ErrorCategory.RATE_LIMITED, 429, "rate limited",
        Duration.ofSeconds(1)));

    RunSummary summary = run();

    assertThat(summary.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
    assertThat(summary.counts().pushed()).isEqualTo(150);
    assertThat(crm.matchCalls).as("the failed batch's 100 keys once more, by the push: %s", crm.matchThreads).hasValue(3);
    assertThat(crm.records).hasSize(150);
    assertThat(outboxDepth()).isZero();
  }

  /** A run whose read of the events waits until the CRM has had {@code calls} match calls. */
  private RunSummary runOnceMatched(int calls) {
    JsonLinesSource.BEFORE_EVENTS.put(dir, () -> awaitMatchCalls(calls, Duration.ofSeconds(10)));
    try {
      return run();
    } finally {
      JsonLinesSource.BEFORE_EVENTS.remove(dir);
    }
  }

  private void awaitMatchCalls(int calls, Duration atMost) {
    await(() -> crm.matchCalls.get() >= calls, atMost, "no early lookup while the events waited to be read");
  }

  /** Fails the writer (and so the run) if no write comes: a drain that waits for the whole store never writes. */
  private void awaitFirstWrite(Duration atMost) {
    await(() -> crm.writeCalls() > 0, atMost, "no write while the rest was being stored");
  }

  private static void await(BooleanSupplier done, Duration atMost, String failure) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(failure);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private SyncRunner runner() {
    return new SyncRunner(config, store, new Connectors(plugins(), clock));
  }

  private long storedStates() {
    return store.read(c -> {
      try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM entity_state WHERE sync_name = 's'")) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
