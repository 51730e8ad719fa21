package io.github.pqlconnector.core.engine;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A compiled metric: which events feed it ({@code events} null means any event), the property it reads,
 * its window (whole UTC days, see {@link #calendarDays()}), and the slot its running value lives in inside an {@link EntityAggregate}.
 */
record MetricDef(String name, MetricKind kind, @Nullable Set<String> events, @Nullable String property,
    long windowMillis, int slot) {

  private static final long DAY_MILLIS = 86_400_000L;

  /**
   * The UTC calendar days the window covers, today included: 14 for 14d, 2 for 36h. Windows are whole UTC
   * days so that per-day buckets of incremental sources give exactly what a full read gives.
   */
  int calendarDays() {
    return calendarDays(windowMillis);
  }

  static int calendarDays(long windowMillis) {
    return (int) Math.max(1, (windowMillis + DAY_MILLIS - 1) / DAY_MILLIS);
  }

  boolean matchesAnyEvent() {
    return events == null;
  }
}
