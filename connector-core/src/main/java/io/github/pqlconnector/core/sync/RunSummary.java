package io.github.pqlconnector.core.sync;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one run as the CLI and the history show it; {@code reconciliation} is what the run found when it
 * read the CRM back first, null when it did not.
 */
public record RunSummary(long runId, String sync, RunStatus status, RunCounts counts, RunReport report,
    @Nullable Reconciliation reconciliation) {

  public RunSummary(long runId, String sync, RunStatus status, RunCounts counts, RunReport report) {
    this(runId, sync, status, counts, report, null);
  }

  public RunSummary withReconciliation(Reconciliation found) {
    return new RunSummary(runId, sync, status, counts, report, found);
  }

  /**
   * SUCCESS: all confirmed. PARTIAL: some records failed for good. STOPPED: asked to stop (shutdown) between
   * batches; the rest waits in the outbox. FAILED: the run could not go on.
   */
  public enum RunStatus { RUNNING, SUCCESS, PARTIAL, STOPPED, FAILED }
}
