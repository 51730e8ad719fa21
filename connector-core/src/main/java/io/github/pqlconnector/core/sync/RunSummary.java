package io.github.pqlconnector.core.sync;

/** The outcome of one run as the CLI and the history show it. */
public record RunSummary(long runId, String sync, RunStatus status, RunCounts counts, RunReport report) {
  /**
   * SUCCESS: all confirmed. PARTIAL: some records failed for good. STOPPED: asked to stop (shutdown) between
   * batches; the rest waits in the outbox. FAILED: the run could not go on.
   */
  public enum RunStatus { RUNNING, SUCCESS, PARTIAL, STOPPED, FAILED }
}
