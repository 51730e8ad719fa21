package io.github.pqlconnector.core.sync;

import java.util.List;

/**
 * Hears how each run of {@link SyncRunner} ended (alerts listen here). The runner calls it after the run is
 * recorded and catches whatever it throws: an observer can neither block nor fail a sync. {@link #notes} is asked
 * before the run is recorded and its lines go into the run's history with the destination's notes.
 */
public interface RunObserver {
  RunObserver NONE = new RunObserver() {};

  /** Lines for the run history of {@code sync}, such as an alert receiver that keeps failing. */
  default List<String> notes(String sync) {
    return List.of();
  }

  /**
   * A run that ran to its end (SUCCESS, PARTIAL or STOPPED), with the entities it newly qualified and the CRM limits
   * that held it back ({@link io.github.pqlconnector.core.spi.CrmDestination#limitsHit}).
   */
  default void finished(RunSummary summary, NewPqls newPqls, List<String> limitsHit) {}

  /** A run that failed (or could not start) with {@code failure}; {@code runId} is its history row. */
  default void failed(String sync, long runId, Throwable failure) {}
}
