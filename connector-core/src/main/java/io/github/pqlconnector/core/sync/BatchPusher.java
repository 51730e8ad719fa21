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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes one batch: looks up only the records without a CRM id from an earlier confirmed write, writes, then
 * records each record's outcome in one transaction. A record leaves the outbox only once the CRM confirmed it;
 * retryable failures stay pending, permanent ones are parked as FAILED with the vendor's message until their
 * next attempt ({@link RetrySchedule}), and records not found are remembered as UNMATCHED until the destination's
 * re-check interval has passed. A stored id
 * the CRM no longer knows (record deleted or merged) is forgotten and the record looked up again next time.
 * Safe to call from several threads for disjoint batches.
 */
final class BatchPusher {
  static final String DUPLICATE = "DUPLICATE_IN_BATCH";
  private final StateStore store;
  private final CrmDestination destination;
  private final Payloads payloads;
  private final Clock clock;
  private final String sync;
  private final long runId;
  private final Duration recheckUnmatched;
  private final Map<EntityRef, CrmRecord> matched = new ConcurrentHashMap<>();
  private EarlyMatch earlyMatch;

  BatchPusher(StateStore store, CrmDestination destination, Payloads payloads, Clock clock, String sync, long runId,
      Duration recheckUnmatched) {
    this.store = store;
    this.destination = destination;
    this.payloads = payloads;
    this.clock = clock;
    this.sync = sync;
    this.runId = runId;
    this.recheckUnmatched = recheckUnmatched;
    this.earlyMatch = new EarlyMatch(destination);
  }

  /** Takes the records {@code early} found before the push instead of looking their keys up again. */
  void useEarlyMatch(EarlyMatch early) {
    this.earlyMatch = early;
  }

  /** Records found by matching (with their owners) or created while pushing, for the task step. */
  Map<EntityRef, CrmRecord> records() {
    return matched;
  }

  void push(EntityLevel level, List<OutboxDao.Row> rows, DrainTally tally) {
    Map<EntityRef, Payloads.UpdatePayload> byEntity = new HashMap<>();
    List<MatchKey> keys = new ArrayList<>();
    Map<MatchKey, Optional<CrmRecord>> early = new HashMap<>();
    for (OutboxDao.Row row : rows) {
      Payloads.UpdatePayload payload = payloads.read(row.payload(), Payloads.UpdatePayload.class);
      byEntity.put(row.entity(), payload);
      Optional<CrmRecord> answer = row.knownRecordId() == null ? earlyMatch.answer(payload.key()) : null;
      if (answer != null) {
        early.put(payload.key(), answer);
      } else if (row.knownRecordId() == null) {
        keys.add(payload.key());
      }
    }
    MatchResult found = keys.isEmpty() ? new MatchResult(Map.of()) : destination.match(level, keys);
    found = withEarly(found, early);
    List<PqlUpdate> updates = new ArrayList<>();
    List<OutboxDao.Row> unmatched = new ArrayList<>();
    for (OutboxDao.Row row : rows) {
      Payloads.UpdatePayload payload = byEntity.get(row.entity());
      String recordId = row.knownRecordId() != null ? row.knownRecordId() : recordIdOf(row, payload, found);
      if (recordId == null && !destination.capabilities().createsMissing()) {
        unmatched.add(row);
        tally.unmatched(row.entity() + " (" + payload.key().trait() + " not found)");
      } else {
        updates.add(new PqlUpdate(row.entity(), payload.key(), recordId, payload.fields()));
      }
    }
    record(rows, unmatched, write(level, updates), tally);
  }

  /**
   * Writes each CRM record once: two inputs naming one record (two accounts with the same domain, say) would make
   * a vendor reject the whole batch or race inside the CRM, so the first wins and the others fail as CONFLICT.
   */
  private WriteResult write(EntityLevel level, List<PqlUpdate> updates) {
    Set<String> targets = new HashSet<>();
    List<PqlUpdate> distinct = new ArrayList<>();
    List<RecordError> duplicates = new ArrayList<>();
    for (PqlUpdate update : updates) {
      String target = update.recordId() != null ? "id:" + update.recordId()
          : "key:" + update.key().value().toLowerCase(Locale.ROOT);
      if (targets.add(target)) {
        distinct.add(update);
      } else {
        duplicates.add(new RecordError(update.entity(), ErrorCategory.CONFLICT, DUPLICATE,
            "another " + update.entity().level().id() + " in the same batch writes to this CRM record"));
      }
    }
    WriteResult written = distinct.isEmpty() ? new WriteResult(Map.of(), List.of()) : destination.upsert(level, distinct);
    if (duplicates.isEmpty()) {
      return written;
    }
    duplicates.addAll(0, written.failed());
    return new WriteResult(written.written(), duplicates);
  }

  /** The records found by this batch's lookup and those {@link EarlyMatch} found for its other keys. */
  private static MatchResult withEarly(MatchResult found, Map<MatchKey, Optional<CrmRecord>> early) {
    if (early.isEmpty()) {
      return found;
    }
    Map<String, CrmRecord> all = new HashMap<>(found.found());
    early.forEach((key, record) -> record.ifPresent(r -> all.put(key.value(), r)));
    return new MatchResult(all);
  }

  private String recordIdOf(OutboxDao.Row row, Payloads.UpdatePayload payload, MatchResult found) {
    CrmRecord record = found.get(payload.key()).orElse(null);
    if (record == null) {
      return null;
    }
    matched.put(row.entity(), record);
    return record.id();
  }

  private void record(List<OutboxDao.Row> rows, List<OutboxDao.Row> unmatched, WriteResult result,
      DrainTally tally) {
    Outcomes outcomes = sort(rows, new HashSet<>(unmatched), result);
    Map<EntityRef, String> messages = new HashMap<>();
    outcomes.failures.forEach((entity, e) -> messages.put(entity, e.category() + " " + e.vendorCode() + ": "
        + e.message()));
    var now = clock.instant();
    store.write(c -> {
      new PushedDao().save(c, sync, outcomes.pushed, now);
      new PushedDao().forgetRecordIds(c, sync, outcomes.stale);
      OutboxDao outbox = new OutboxDao();
      outbox.remove(c, sync, outcomes.written);
      outbox.unmatched(c, sync, unmatched, now, now.plus(recheckUnmatched));
      outbox.mark(c, sync, outcomes.retry, OutboxDao.State.PENDING, messages, now);
      outbox.refuse(c, sync, outcomes.permanent, messages, now,
          row -> RetrySchedule.nextAttempt(now, row.refusals() + 1));
      new RunDao().addErrors(c, runId, new ArrayList<>(outcomes.failures.values()));
      return null;
    });
    tally.add(outcomes.written.size(), outcomes.failures.values());
  }

  /** What happened to each row of a batch. */
  private static final class Outcomes {
    final List<OutboxDao.Row> written = new ArrayList<>();
    final List<OutboxDao.Row> retry = new ArrayList<>();
    final List<OutboxDao.Row> permanent = new ArrayList<>();
    final List<EntityRef> stale = new ArrayList<>();
    final List<PushedDao.Pushed> pushed = new ArrayList<>();
    final Map<EntityRef, RecordError> failures = new HashMap<>();
  }

  private Outcomes sort(List<OutboxDao.Row> rows, Set<OutboxDao.Row> unmatched, WriteResult result) {
    Outcomes outcomes = new Outcomes();
    result.failed().forEach(e -> outcomes.failures.put(e.entity(), e));
    for (OutboxDao.Row row : rows) {
      String recordId = result.written().get(row.entity());
      RecordError error = outcomes.failures.get(row.entity());
      if (recordId != null) {
        outcomes.written.add(row);
        outcomes.pushed.add(new PushedDao.Pushed(row.entity(), row.hash(), recordId));
        if (row.knownRecordId() == null) {
          matched.putIfAbsent(row.entity(), new CrmRecord(recordId, null));
        }
      } else if (error != null && error.category() == ErrorCategory.NOT_FOUND && row.knownRecordId() != null) {
        outcomes.stale.add(row.entity());
        outcomes.retry.add(row);
      } else if (error != null) {
        (error.category().retryable() ? outcomes.retry : outcomes.permanent).add(row);
      } else if (!unmatched.contains(row)) {
        outcomes.failures.put(row.entity(), new RecordError(row.entity(), ErrorCategory.TRANSIENT, "NO_RESULT",
            "the destination returned no result for this record"));
        outcomes.retry.add(row);
      }
    }
    return outcomes;
  }
}
