package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.error.RecordError;
import java.util.ArrayList;
import java.util.List;

/** What a drain did: counts plus the per-record errors and unmatched samples for the run report. */
final class DrainTally {
  int pushed;
  int failed;
  int unmatched;
  int tasksCreated;
  int tasksFailed;
  boolean stopped;
  final List<RecordError> errors = new ArrayList<>();
  final List<String> unmatchedSamples = new ArrayList<>();

  void unmatched(String sample) {
    unmatched++;
    if (unmatchedSamples.size() < RunReport.SAMPLES) {
      unmatchedSamples.add(sample);
    }
  }
}
