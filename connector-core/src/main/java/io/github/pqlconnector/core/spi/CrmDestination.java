package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.model.EntityLevel;
import java.util.List;

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

  /** Writes at most {@link Capabilities#maxBatchSize()} updates; every input ends written or failed. */
  WriteResult upsert(EntityLevel level, List<PqlUpdate> batch);

  /** Creates the task unless one with the same idempotency key exists. */
  TaskResult createTask(TaskRequest request);

  /**
   * What the run report should say about the destination's own work in this run, one line each (e.g. how many records
   * an index it keeps holds). Most destinations have nothing to say.
   */
  default List<String> notes() {
    return List.of();
  }

  @Override
  void close();
}
