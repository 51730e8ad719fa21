package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.model.EntityLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes PQL verdicts into one CRM. The sync engine calls {@link #match} and {@link #upsert} from up to
 * {@link Capabilities#maxInFlight()} threads at once (one when that is 1) and everything else from one
 * thread. Calls that fail as a whole throw {@link io.github.pqlconnector.core.error.VendorException}; per-record failures are returned
 * as data.
 */
public interface CrmDestination extends AutoCloseable {
  Capabilities capabilities();

  /** Read-only: auth and permissions. Never writes, never throws. */
  CheckResult check();

  /** Creates or verifies the PQL fields, idempotently; with {@code dryRun} only reports. */
  SetupReport ensureFields(boolean dryRun);

  /** Looks up the records for these keys, in as few calls as the CRM allows. */
  MatchResult match(EntityLevel level, List<MatchKey> keys);

  /**
   * Writes at most {@link Capabilities#maxBatchSize()} updates; every input ends written or failed (build the answer
   * with {@link WriteResults}). The sync engine sends each CRM record at most once per batch, and an update without
   * a record id only when the destination creates missing records, so a destination checks neither.
   */
  WriteResult upsert(EntityLevel level, List<PqlUpdate> batch);

  /**
   * The tasks that already exist for these requests, by {@link TaskRequest#idempotencyKey()}: key → the CRM's task
   * id, for those found; a key absent from the answer has no task. At most {@link Capabilities#maxTaskBatchSize()}
   * requests, in as few calls as the CRM allows. Must see every task an earlier {@link #createTasks} made, even one
   * whose answer was lost a moment ago (read committed data, or a unique key, not a lagging search index); the sync
   * engine relies on it to create each task once. Read-only, so it may be retried freely.
   */
  Map<String, String> findTasks(List<TaskRequest> requests);

  /**
   * Creates these tasks (none of which {@link #findTasks} found), at most {@link Capabilities#maxTaskBatchSize()},
   * in as few calls as the CRM allows. Every request ends in {@link TaskBatchResult#created()} or
   * {@link TaskBatchResult#failed()} (a task the CRM refused is data, not an exception).
   *
   * <p>Not idempotent, and never retried blindly: a create call is sent again only when it certainly was not applied
   * (use {@code VendorCall.executeCreate}). A call that may have been applied but gave no answer (a timeout, a
   * connection reset after sending, a 5xx) throws a retryable {@link io.github.pqlconnector.core.error.VendorException};
   * the sync engine then calls {@link #findTasks} for the same keys again and creates only what is still missing, so
   * a lost response never makes a second task.
   */
  TaskBatchResult createTasks(List<TaskRequest> requests);

  /**
   * What the run report should say about the destination's own work in this run, one line each (e.g. how many records
   * an index it keeps holds). Most destinations have nothing to say.
   */
  default List<String> notes() {
    return List.of();
  }

  /**
   * The CRM limits that held this run back without stopping it (a time budget it had to wait out), one line each in
   * words a RevOps engineer understands; they raise a {@code quota} alert. A spent quota that stops the run is a
   * {@code QUOTA_EXHAUSTED} failure instead. The default has none.
   */
  default List<String> limitsHit() {
    return List.of();
  }

  /**
   * Reads back the PQL fields these records hold now, for reconciliation: at most {@link #readBatchSize()} ids per
   * call, in as few vendor calls as the CRM allows, through the same limiter, breaker and retry as the writes.
   * The map has an entry for every record that still exists under the id asked for; an id the CRM no longer has
   * (deleted, or merged into a record with another id) is absent. A field the record lacks reads as empty: status
   * {@code ""}, score 0, type null, no reasons, 0 %, no qualified-at, evaluated-at {@link Instant#EPOCH}. Never
   * writes.
   */
  Map<String, PqlFields> readFields(EntityLevel level, List<String> recordIds);

  /**
   * The most ids one {@link #readFields} call takes: what one read call of the CRM returns (or one batch of such
   * reads). The default is {@link Capabilities#maxBatchSize()}.
   */
  default int readBatchSize() {
    return capabilities().maxBatchSize();
  }

  /**
   * What this CRM keeps of written fields: what {@link #readFields} returns right after {@link #upsert} wrote them
   * (numbers at the field's precision, values the field cannot hold left empty), so an untouched record never
   * counts as drifted. Core compares datetimes to the second, reasons line by line and activation to 2 decimals
   * in any case. The default keeps everything as written.
   */
  default PqlFields asStored(PqlFields written) {
    return written;
  }

  /** Who converted, for the closed loop: present when the destination can read it and its config asks for it. */
  default Optional<OutcomeReader> outcomes() {
    return Optional.empty();
  }

  /** CRM fields of matched records as traits: present when the destination's config has a {@code traits:} block. */
  default Optional<TraitReader> traitReader() {
    return Optional.empty();
  }

  /**
   * A link to the record in the CRM's web UI, for the admin console; empty when the vendor has none or it would take
   * a call to build. The default has none.
   */
  default Optional<String> recordUrl(EntityLevel level, String recordId) {
    return Optional.empty();
  }

  @Override
  void close();
}
