package io.github.pqlconnector.core.spi;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One metric to compute per entity over the events named in {@code events} (empty: every event) whose UTC day
 * is one of the last {@code days}, today included (see {@link PushdownRequest}). {@code id} keys the value in
 * {@link EntityMetrics#values()}.
 */
public record PushedMetric(String id, Kind kind, Set<String> events, @Nullable String property, int days) {
  /** What is computed, and the value handed back. */
  public enum Kind {
    /** Number of events. */
    COUNT,
    /** Sum of {@code property} read as a number; a value that is not a number adds 0. */
    SUM,
    /** Number of distinct non-null values of {@code property}, compared as text. */
    DISTINCT,
    /** Number of distinct non-null user ids (1 for a user with a matching event). */
    DISTINCT_USERS,
    /** Number of distinct UTC days with a matching event. */
    ACTIVE_DAYS,
    /** Epoch millis of the earliest matching event; no value without one. */
    FIRST_SEEN,
    /** Epoch millis of the latest matching event; no value without one. */
    LAST_SEEN
  }

  public PushedMetric {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    events = Set.copyOf(events);
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1: " + days);
    }
  }
}
