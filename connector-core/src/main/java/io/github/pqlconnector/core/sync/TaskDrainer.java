package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.core.spi.TaskPolicy;
import io.github.pqlconnector.core.spi.TaskRequest;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.state.TaskDao;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates queued follow-up tasks once their record is in the CRM, in batches of the destination's {@link
 * io.github.pqlconnector.core.spi.Capabilities#maxTaskBatchSize()}: each batch is one find by idempotency key and one
 * create of the missing ones ({@link TaskBatchWriter}). The task key travels as the idempotency key, so a retry after
 * a crash or a lost response finds the task instead of creating a second one. The owner comes from the records the
 * push just matched; only records it did not touch are looked up, in batches.
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
    List<TaskDao.Row> due = store.read(c -> new TaskDao().due(c, sync, MAX_PER_RUN, clock.instant()));
    Map<String, Payloads.TaskPayload> payloadsByKey = new HashMap<>();
    due.forEach(row -> payloadsByKey.put(row.key(), payloads.read(row.payload(), Payloads.TaskPayload.class)));
    Map<EntityRef, CrmRecord> records = new HashMap<>(known);
    for (EntityLevel level : EntityLevel.values()) {
      lookUpMissing(level, due, payloadsByKey, records);
    }
    List<TaskRequest> ready = new ArrayList<>();
    for (TaskDao.Row row : due) {
      CrmRecord record = records.get(row.entity());
      if (record == null) {
        tally.unmatched(row.entity() + " (task waits: record not found)");
      } else {
        ready.add(request(row, payloadsByKey.get(row.key()), record));
      }
    }
    int size = destination.capabilities().maxTaskBatchSize();
    Map<String, Integer> refusals = new HashMap<>();
    due.forEach(row -> refusals.put(row.key(), row.refusals()));
    TaskBatchWriter writer = new TaskBatchWriter(store, destination, clock, refusals);
    for (int i = 0; i < ready.size(); i += size) {
      writer.write(ready.subList(i, Math.min(ready.size(), i + size)), tally);
    }
  }

  private void lookUpMissing(EntityLevel level, List<TaskDao.Row> due, Map<String, Payloads.TaskPayload> payloadsOf,
      Map<EntityRef, CrmRecord> records) {
    Set<EntityRef> missing = new LinkedHashSet<>();
    List<MatchKey> keys = new ArrayList<>();
    for (TaskDao.Row row : due) {
      if (row.entity().level() == level && !records.containsKey(row.entity()) && missing.add(row.entity())) {
        keys.add(payloadsOf.get(row.key()).key());
      }
    }
    List<EntityRef> entities = List.copyOf(missing);
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

  private TaskRequest request(TaskDao.Row row, Payloads.TaskPayload payload, CrmRecord record) {
    String owner = "record".equals(policy.owner()) && record.ownerId() != null ? record.ownerId()
        : policy.defaultOwnerId();
    return new TaskRequest(row.key(), row.entity(), record.id(), owner, payload.subject(), payload.body(),
        payload.dueAt());
  }
}
