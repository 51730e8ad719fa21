package io.github.pqlconnector.core.sync;

/** The outcome of one run as the CLI and the history show it. */
public record RunSummary(long runId, String sync, RunStatus status, RunCounts counts, RunReport report) {
  /** SUCCESS: all confirmed. PARTIAL: some records failed for good. FAILED: the run stopped. */
  public enum RunStatus { RUNNING, SUCCESS, PARTIAL, FAILED }
}
