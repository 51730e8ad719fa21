package io.github.pqlconnector.core.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one outcome read collects, for its {@link OutcomeBatch}: the conversions, one per key (a record served twice
 * by a restarted search, or a contact on two roles of one deal, counts once: the state store takes a key once per
 * batch), and the records that could not be used, each counted once with the first {@link OutcomeBatch#SAMPLES}
 * reasons. Not thread-safe: one per read.
 */
public final class OutcomeCollector {
  private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
  private final Set<String> rejected = new LinkedHashSet<>();
  private final List<String> samples = new ArrayList<>();

  public void add(Outcome outcome) {
    outcomes.put(outcome.key(), outcome);
  }

  /** Counts {@code record} (such as {@code deal 8812}) as not readable, for {@code reason}. */
  public void reject(String record, String reason) {
    if (rejected.add(record) && samples.size() < OutcomeBatch.SAMPLES) {
      samples.add(record + ": " + reason);
    }
  }

  public int size() {
    return outcomes.size();
  }

  public OutcomeBatch batch(@Nullable String cursor) {
    return new OutcomeBatch(List.copyOf(outcomes.values()), cursor, rejected.size(), samples);
  }
}
