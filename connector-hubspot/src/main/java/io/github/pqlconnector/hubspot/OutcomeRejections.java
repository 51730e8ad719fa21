package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.spi.OutcomeBatch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The records one outcome read could not use, each counted once (a search restarted at the 10,000 cap serves some
 * records twice), with the first {@link OutcomeBatch#SAMPLES} reasons.
 */
final class OutcomeRejections {
  private final Set<String> records = new LinkedHashSet<>();
  private final List<String> samples = new ArrayList<>();

  /** Counts {@code record} (such as {@code deal 8812}) as rejected for {@code reason}. */
  void reject(String record, String reason) {
    if (records.add(record) && samples.size() < OutcomeBatch.SAMPLES) {
      samples.add(record + ": " + reason);
    }
  }

  long count() {
    return records.size();
  }

  List<String> samples() {
    return List.copyOf(samples);
  }
}
