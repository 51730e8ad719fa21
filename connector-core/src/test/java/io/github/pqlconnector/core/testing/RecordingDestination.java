package io.github.pqlconnector.core.testing;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.Capabilities;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.SetupReport;
import io.github.pqlconnector.core.spi.TaskBatchResult;
import io.github.pqlconnector.core.spi.TaskRequest;
import io.github.pqlconnector.core.spi.WriteResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CRM for sync-engine tests: keeps records and tasks in memory like a CRM would (tasks findable by their
 * idempotency key), counts calls, and injects faults: a crash on a given write call, per-record errors,
 * a crash right after a task was created, records that do not exist.
 */
public final class RecordingDestination implements CrmDestination {
  /** Thrown to simulate the process dying mid-call. */
  public static final class Crash extends RuntimeException {
    public Crash(String message) {
      super(message);
    }
  }

  public final Map<EntityRef, PqlFields> records = new java.util.concurrent.ConcurrentHashMap<>();
  /** Which entity each written record id holds, for {@link #readFields}. */
  public final Map<String, EntityRef> recordIds = new java.util.concurrent.ConcurrentHashMap<>();
  public final List<List<String>> readCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
  public final Map<String, TaskRequest> tasksByKey = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
  public final List<List<EntityRef>> upsertCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
  public final Map<String, ErrorCategory> failIds = new java.util.concurrent.ConcurrentHashMap<>();
  /** Record ids the CRM no longer has (deleted or merged): a write to one fails with NOT_FOUND. */
  public final Set<String> deletedRecordIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
  public final java.util.concurrent.atomic.AtomicInteger matchCalls = new java.util.concurrent.atomic.AtomicInteger();
  /** Lookups and writes out at once, and the most seen: what {@code maxInFlight} bounds. */
  public final java.util.concurrent.atomic.AtomicInteger concurrentCalls = new java.util.concurrent.atomic.AtomicInteger();
  public final java.util.concurrent.atomic.AtomicInteger peakConcurrentCalls =
      new java.util.concurrent.atomic.AtomicInteger();
  /** How long each match call takes (0: at once). */
  public volatile long matchDelayMillis;
  /** The thread of each match call, in order: who looked the keys up. */
  public final List<String> matchThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** When set, the next match call fails with it (once), as a lookup in a 429 storm would. */
  public final java.util.concurrent.atomic.AtomicReference<io.github.pqlconnector.core.error.VendorException>
      failNextMatch = new java.util.concurrent.atomic.AtomicReference<>();
  /** How many batches may be in flight; the most that ever were at once is in {@link #peakConcurrentWrites}. */
  public int maxInFlight = 1;
  public final java.util.concurrent.atomic.AtomicInteger peakConcurrentWrites =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger concurrentWrites =
      new java.util.concurrent.atomic.AtomicInteger();
  public final Set<String> missingKeys = new HashSet<>();
  public int maxBatch = 100;
  /** A slow CRM: every write and every capabilities call (several per run) takes this long. */
  public volatile long delayMillis;
  public int crashOnUpsertCall = -1;
  /** A JVM error (out of memory, say) every write call throws. */
  public volatile Error errorOnWrite;
  /** When set, every write call fails as a whole with it (a 429 storm, an outage). */
  public volatile io.github.pqlconnector.core.error.VendorException failWritesWith;
  public boolean crashAfterNextTask;
  /** When set, every task create fails as a whole with it (the daily limit spent, a revoked token). */
  public volatile io.github.pqlconnector.core.error.VendorException failTasksWith;
  public int taskCreates;
  /** Creates of a key the CRM already had (must stay 0: the engine finds before it creates). */
  public final java.util.concurrent.atomic.AtomicInteger duplicateTasks = new java.util.concurrent.atomic.AtomicInteger();
  public final java.util.concurrent.atomic.AtomicInteger findTaskCalls = new java.util.concurrent.atomic.AtomicInteger();
  public final java.util.concurrent.atomic.AtomicInteger createTaskCalls =
      new java.util.concurrent.atomic.AtomicInteger();
  /** The next this many task creates are applied, then answered with a timeout (a lost response). */
  public volatile int loseTaskResponses;
  /** Entity ids whose task the CRM refuses, per task (partial failure), with this category. */
  public final Map<String, ErrorCategory> refuseTasks = new java.util.concurrent.ConcurrentHashMap<>();
  public int maxTaskBatch = 100;
  /** When set, the destination reads who converted with it (the closed loop). */
  public volatile io.github.pqlconnector.core.spi.OutcomeReader outcomeReader;

  /** When set, the destination reads CRM fields of its records as traits with it. */
  public volatile io.github.pqlconnector.core.spi.TraitReader traitReader;

  @Override
  public java.util.Optional<io.github.pqlconnector.core.spi.TraitReader> traitReader() {
    return java.util.Optional.ofNullable(traitReader);
  }

  @Override
  public java.util.Optional<io.github.pqlconnector.core.spi.OutcomeReader> outcomes() {
    return java.util.Optional.ofNullable(outcomeReader);
  }

  @Override
  public Capabilities capabilities() {
    sleep();
    return new Capabilities(maxBatch, Map.of(), false, maxInFlight, maxTaskBatch);
  }

  @Override
  public CheckResult check() {
    return CheckResult.ok("recording");
  }

  @Override
  public SetupReport ensureFields(boolean dryRun) {
    return new SetupReport(List.of(), List.of(), List.of());
  }

  @Override
  public MatchResult match(EntityLevel level, List<MatchKey> keys) {
    matchCalls.incrementAndGet();
    matchThreads.add(Thread.currentThread().getName());
    peakConcurrentCalls.accumulateAndGet(concurrentCalls.incrementAndGet(), Math::max);
    try {
      pause(matchDelayMillis);
      return found(keys);
    } finally {
      concurrentCalls.decrementAndGet();
    }
  }

  private MatchResult found(List<MatchKey> keys) {
    io.github.pqlconnector.core.error.VendorException failure = failNextMatch.getAndSet(null);
    if (failure != null) {
      throw failure;
    }
    Map<String, CrmRecord> found = new HashMap<>();
    for (MatchKey key : keys) {
      if (!missingKeys.contains(key.value())) {
        String id = "crm-" + key.value();
        // a deleted record was merged into a survivor, which the lookup now finds
        found.put(key.value(), new CrmRecord(deletedRecordIds.contains(id) ? "merged-" + key.value() : id, "owner-1"));
      }
    }
    return new MatchResult(found);
  }

  @Override
  public WriteResult upsert(EntityLevel level, List<PqlUpdate> batch) {
    int call;
    synchronized (upsertCalls) {
      upsertCalls.add(batch.stream().map(PqlUpdate::entity).toList());
      call = upsertCalls.size();
    }
    peakConcurrentWrites.accumulateAndGet(concurrentWrites.incrementAndGet(), Math::max);
    peakConcurrentCalls.accumulateAndGet(concurrentCalls.incrementAndGet(), Math::max);
    try {
      sleep();
      return write(batch, call);
    } finally {
      concurrentWrites.decrementAndGet();
      concurrentCalls.decrementAndGet();
    }
  }

  private WriteResult write(List<PqlUpdate> batch, int call) {
    if (failWritesWith != null) {
      throw failWritesWith;
    }
    if (errorOnWrite != null) {
      throw errorOnWrite;
    }
    if (call == crashOnUpsertCall) {
      throw new Crash("simulated crash during write call " + crashOnUpsertCall);
    }
    Map<EntityRef, String> written = new HashMap<>();
    List<RecordError> failed = new ArrayList<>();
    for (PqlUpdate update : batch) {
      ErrorCategory failure = failIds.get(update.entity().id());
      if (deletedRecordIds.contains(update.recordId())) {
        failed.add(new RecordError(update.entity(), ErrorCategory.NOT_FOUND, "OBJECT_NOT_FOUND",
            "record " + update.recordId() + " does not exist"));
      } else if (failure != null) {
        failed.add(new RecordError(update.entity(), failure, failure == ErrorCategory.RATE_LIMITED ? "RATE_LIMIT"
            : "INVALID_EMAIL", failure == ErrorCategory.RATE_LIMITED ? "try later" : "Email address is invalid"));
      } else {
        records.put(update.entity(), update.fields());
        recordIds.put(update.recordId(), update.entity());
        written.put(update.entity(), update.recordId());
      }
    }
    return new WriteResult(written, failed);
  }

  /** The records' fields as they are now: a test may have overwritten one, or deleted (merged) its id. */
  @Override
  public Map<String, PqlFields> readFields(EntityLevel level, List<String> ids) {
    if (ids.size() > maxBatch) {
      throw new IllegalArgumentException(ids.size() + " ids in one read, more than the batch size " + maxBatch);
    }
    readCalls.add(List.copyOf(ids));
    Map<String, PqlFields> found = new HashMap<>();
    for (String id : ids) {
      EntityRef entity = recordIds.get(id);
      if (entity != null && !deletedRecordIds.contains(id) && records.containsKey(entity)) {
        found.put(id, records.get(entity));
      }
    }
    return found;
  }

  @Override
  public Map<String, String> findTasks(List<TaskRequest> requests) {
    findTaskCalls.incrementAndGet();
    Map<String, String> found = new LinkedHashMap<>();
    requests.stream().filter(r -> tasksByKey.containsKey(r.idempotencyKey()))
        .forEach(r -> found.put(r.idempotencyKey(), "task-" + r.idempotencyKey()));
    return found;
  }

  /** Creates every request as asked, with no check of its own: the engine must find before it creates. */
  @Override
  public TaskBatchResult createTasks(List<TaskRequest> requests) {
    createTaskCalls.incrementAndGet();
    if (failTasksWith != null) {
      throw failTasksWith;
    }
    Map<String, String> created = new LinkedHashMap<>();
    Map<String, RecordError> failed = new LinkedHashMap<>();
    for (TaskRequest request : requests) {
      ErrorCategory refusal = refuseTasks.get(request.entity().id());
      if (refusal != null) {
        failed.put(request.idempotencyKey(), new RecordError(request.entity(), refusal, "INVALID_OWNER",
            "owner is inactive"));
        continue;
      }
      if (tasksByKey.put(request.idempotencyKey(), request) != null) {
        duplicateTasks.incrementAndGet();
      }
      taskCreates++;
      created.put(request.idempotencyKey(), "task-" + request.idempotencyKey());
    }
    if (crashAfterNextTask) {
      crashAfterNextTask = false;
      throw new Crash("simulated crash after the CRM created a task");
    }
    if (loseTaskResponses > 0) {
      loseTaskResponses--;
      throw new io.github.pqlconnector.core.error.VendorException("recording", ErrorCategory.TRANSIENT, 0,
          "read timed out after the CRM applied the create", null);
    }
    return new TaskBatchResult(created, failed);
  }

  private void sleep() {
    pause(delayMillis);
  }

  private static void pause(long millis) {
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public int writeCalls() {
    return upsertCalls.size();
  }

  @Override
  public void close() {}
}
