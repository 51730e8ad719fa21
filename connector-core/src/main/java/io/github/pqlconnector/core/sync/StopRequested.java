package io.github.pqlconnector.core.sync;

/**
 * Thrown into a source's read when a stop was asked for (SIGTERM, a daemon shutting down): a read can take
 * minutes, and nothing it gathered has been written yet, so the run ends at once as STOPPED with nothing lost.
 */
final class StopRequested extends RuntimeException {
  StopRequested() {
    super("stopped while reading the source; nothing was written, the next run reads it again", null, false, false);
  }
}
