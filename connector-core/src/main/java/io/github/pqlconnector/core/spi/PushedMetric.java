package io.github.pqlconnector.core.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One metric to compute per entity over the events named in {@code events} (empty: every event) whose time
 * is ≥ now − {@code window}. {@code id} keys the value in {@link EntityMetrics#values()}.
 */
public record PushedMetric(String id, Kind kind, Set<String> events, @Nullable String property, Duration window) {
  private static final long DAY_MILLIS = 86_400_000L;

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
    /** Distinct UTC calendar days d with a matching event and d &gt; today − {@link #calendarDays()}. */
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
    Objects.requireNonNull(window, "window");
  }

  /** The UTC calendar days an active-days window covers, today included: 14 for 14d. */
  public int calendarDays() {
    return (int) Math.max(1, (window.toMillis() + DAY_MILLIS - 1) / DAY_MILLIS);
  }
}
