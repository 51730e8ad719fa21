package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.core.spi.TaskPolicy;
import io.github.pqlconnector.core.spi.TaskRequest;
import io.github.pqlconnector.core.spi.TaskResult;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.state.TaskDao;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates queued follow-up tasks once their record is in the CRM. The task key travels as the idempotency
 * key, so a retry after a crash finds the task instead of creating a second one.
 */
final class TaskDrainer {
  private static final int MAX_PER_RUN = 10_000;

  private final StateStore store;
  private final CrmDestination destination;
  private final Payloads payloads;
  private final TaskPolicy policy;
  private final Clock clock;
  private final String sync;

  TaskDrainer(StateStore store, CrmDestination destination, Payloads payloads, TaskPolicy policy, Clock clock,
      String sync) {
    this.store = store;
    this.destination = destination;
    this.payloads = payloads;
    this.policy = policy;
    this.clock = clock;
    this.sync = sync;
  }

  void drain(Map<EntityRef, CrmRecord> known, DrainTally tally) {
    List<TaskDao.Row> due = store.read(c -> new TaskDao().due(c, sync, MAX_PER_RUN));
    Map<String, Payloads.TaskPayload> payloadsByKey = new HashMap<>();
    due.forEach(row -> payloadsByKey.put(row.key(), payloads.read(row.payload(), Payloads.TaskPayload.class)));
    Map<EntityRef, CrmRecord> records = new HashMap<>(known);
    for (EntityLevel level : EntityLevel.values()) {
      lookUpMissing(level, due, payloadsByKey, records);
    }
    for (TaskDao.Row row : due) {
      CrmRecord record = records.get(row.entity());
      if (record == null) {
        tally.unmatched(row.entity() + " (task waits: record not found)");
        continue;
      }
      create(row, payloadsByKey.get(row.key()), record, tally);
    }
  }

  private void lookUpMissing(EntityLevel level, List<TaskDao.Row> due, Map<String, Payloads.TaskPayload> payloadsOf,
      Map<EntityRef, CrmRecord> records) {
    List<MatchKey> keys = new ArrayList<>();
    List<EntityRef> entities = new ArrayList<>();
    for (TaskDao.Row row : due) {
      if (row.entity().level() == level && !records.containsKey(row.entity()) && !entities.contains(row.entity())) {
        keys.add(payloadsOf.get(row.key()).key());
        entities.add(row.entity());
      }
    }
    int batch = destination.capabilities().maxBatchSize();
    for (int i = 0; i < keys.size(); i += batch) {
      List<MatchKey> chunk = keys.subList(i, Math.min(keys.size(), i + batch));
      MatchResult found = destination.match(level, chunk);
      for (int j = 0; j < chunk.size(); j++) {
        int index = i + j;
        found.get(chunk.get(j)).ifPresent(r -> records.put(entities.get(index), r));
      }
    }
  }

  /**
   * A refusal that says nothing about this task (the daily limit is spent, the credentials were revoked) would
   * refuse every task after it too: the task stays pending and the run ends, as a drained batch would.
   */
  private static boolean stopsEveryCall(VendorException e) {
    return e.category() == ErrorCategory.QUOTA_EXHAUSTED || e.category() == ErrorCategory.AUTH;
  }

  private void create(TaskDao.Row row, Payloads.TaskPayload payload, CrmRecord record, DrainTally tally) {
    String owner = "record".equals(policy.owner()) && record.ownerId() != null ? record.ownerId() : policy.defaultOwnerId();
    TaskRequest request = new TaskRequest(row.key(), row.entity(), record.id(), owner, payload.subject(),
        payload.body(), payload.dueAt());
    try {
      TaskResult result = destination.createTask(request);
      store.write(c -> {
        new TaskDao().markCreated(c, row.key(), result.taskId(), clock.instant());
        return null;
      });
      tally.tasksCreated++;
    } catch (VendorException e) {
      if (stopsEveryCall(e)) {
        throw e;
      }
      TaskDao.State next = e.retryable() ? TaskDao.State.PENDING : TaskDao.State.FAILED;
      store.write(c -> {
        new TaskDao().markAttempt(c, row.key(), next, e.getMessage());
        return null;
      });
      tally.tasksFailed++;
      tally.errors.add(new RecordError(row.entity(), e.category(), "TASK", e.getMessage()));
    }
  }
}
