package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.WriteResult;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.PushedDao;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.StateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Pushes the outbox in the destination's batch size: match, write, then record each record's outcome in
 * one transaction per batch. A record leaves the outbox only once the CRM confirmed it; retryable failures
 * stay pending, permanent ones are parked as FAILED with the vendor's message. A call that fails as a whole
 * throws and leaves the rest queued for the next run.
 */
final class OutboxDrainer {
  private final StateStore store;
  private final CrmDestination destination;
  private final Payloads payloads;
  private final Clock clock;
  private final String sync;
  private final long runId;
  private final Map<EntityRef, CrmRecord> records = new HashMap<>();

  OutboxDrainer(StateStore store, CrmDestination destination, Payloads payloads, Clock clock, String sync, long runId) {
    this.store = store;
    this.destination = destination;
    this.payloads = payloads;
    this.clock = clock;
    this.sync = sync;
    this.runId = runId;
  }

  /** CRM records found while draining, for the task step. */
  Map<EntityRef, CrmRecord> records() {
    return records;
  }

  /** Drains one level; stops between batches (marking the tally) once {@code stopping} says so. */
  void drain(EntityLevel level, DrainTally tally, Progress progress, long total, BooleanSupplier stopping) {
    int batchSize = destination.capabilities().maxBatchSize();
    String after = "";
    while (!tally.stopped) {
      String from = after;
      List<OutboxDao.Row> page = store.read(c -> new OutboxDao().due(c, sync, level, from, Math.max(batchSize, 500)));
      if (page.isEmpty()) {
        return;
      }
      after = page.get(page.size() - 1).entity().id();
      for (int i = 0; i < page.size() && !tally.stopped; i += batchSize) {
        if (stopping.getAsBoolean()) {
          tally.stopped = true;
          return;
        }
        pushBatch(level, page.subList(i, Math.min(page.size(), i + batchSize)), tally);
        progress.pushed(tally.pushed + tally.failed + tally.unmatched, total);
      }
    }
  }

  private void pushBatch(EntityLevel level, List<OutboxDao.Row> rows, DrainTally tally) {
    Map<EntityRef, Payloads.UpdatePayload> byEntity = new HashMap<>();
    List<MatchKey> keys = new ArrayList<>();
    for (OutboxDao.Row row : rows) {
      Payloads.UpdatePayload payload = payloads.read(row.payload(), Payloads.UpdatePayload.class);
      byEntity.put(row.entity(), payload);
      keys.add(payload.key());
    }
    MatchResult matched = destination.match(level, keys);
    List<PqlUpdate> updates = new ArrayList<>();
    List<OutboxDao.Row> unmatched = new ArrayList<>();
    for (OutboxDao.Row row : rows) {
      Payloads.UpdatePayload payload = byEntity.get(row.entity());
      CrmRecord record = matched.get(payload.key()).orElse(null);
      if (record == null && !destination.capabilities().createsMissing()) {
        unmatched.add(row);
        tally.unmatched(row.entity() + " (" + payload.key().trait() + " not found)");
      } else {
        if (record != null) {
          records.put(row.entity(), record);
        }
        updates.add(new PqlUpdate(row.entity(), payload.key(), record == null ? null : record.id(), payload.fields()));
      }
    }
    WriteResult result = updates.isEmpty() ? new WriteResult(Map.of(), List.of()) : destination.upsert(level, updates);
    record(rows, unmatched, result, tally);
  }

  private void record(List<OutboxDao.Row> rows, List<OutboxDao.Row> unmatched, WriteResult result, DrainTally tally) {
    Map<EntityRef, RecordError> failures = new HashMap<>();
    result.failed().forEach(e -> failures.put(e.entity(), e));
    List<OutboxDao.Row> written = new ArrayList<>();
    List<OutboxDao.Row> retry = new ArrayList<>();
    List<OutboxDao.Row> permanent = new ArrayList<>();
    List<PushedDao.Pushed> pushed = new ArrayList<>();
    for (OutboxDao.Row row : rows) {
      String recordId = result.written().get(row.entity());
      RecordError error = failures.get(row.entity());
      if (recordId != null) {
        written.add(row);
        pushed.add(new PushedDao.Pushed(row.entity(), row.hash(), recordId));
        records.putIfAbsent(row.entity(), new CrmRecord(recordId, null));
      } else if (error != null) {
        (error.category().retryable() ? retry : permanent).add(row);
      } else if (!unmatched.contains(row)) {
        failures.put(row.entity(), new RecordError(row.entity(), ErrorCategory.TRANSIENT, "NO_RESULT",
            "the destination returned no result for this record"));
        retry.add(row);
      }
    }
    Map<EntityRef, String> messages = new HashMap<>();
    failures.forEach((entity, e) -> messages.put(entity, e.category() + " " + e.vendorCode() + ": " + e.message()));
    var now = clock.instant();
    store.write(c -> {
      new PushedDao().save(c, sync, pushed, now);
      OutboxDao outbox = new OutboxDao();
      outbox.remove(c, sync, written);
      outbox.mark(c, sync, unmatched, OutboxDao.State.UNMATCHED, Map.of(), now);
      outbox.mark(c, sync, retry, OutboxDao.State.PENDING, messages, now);
      outbox.mark(c, sync, permanent, OutboxDao.State.FAILED, messages, now);
      new RunDao().addErrors(c, runId, new ArrayList<>(failures.values()));
      return null;
    });
    tally.pushed += written.size();
    tally.failed += failures.size();
    tally.errors.addAll(failures.values());
  }
}
