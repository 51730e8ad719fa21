package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.error.RecordError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a drain did: counts plus the per-record errors and unmatched samples for the run report. Batches in
 * flight on several threads add to it, so every change goes through a synchronized method; the fields are
 * read once the drain is over.
 */
final class DrainTally {
  int pushed;
  int failed;
  int unmatched;
  int tasksCreated;
  int tasksFailed;
  volatile boolean stopped;
  final List<RecordError> errors = new ArrayList<>();
  final List<String> unmatchedSamples = new ArrayList<>();
  /** What the destination said about its own work ({@code CrmDestination.notes()}), added once the drain is over. */
  final List<String> notes = new ArrayList<>();

  synchronized void unmatched(String sample) {
    unmatched++;
    if (unmatchedSamples.size() < RunReport.SAMPLES) {
      unmatchedSamples.add(sample);
    }
  }

  synchronized void add(int written, Collection<RecordError> failures) {
    pushed += written;
    failed += failures.size();
    errors.addAll(failures);
  }

  /** Records pushed, failed or unmatched so far. */
  synchronized long done() {
    return pushed + failed + unmatched;
  }
}
