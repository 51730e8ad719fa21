package io.github.pqlconnector.core.engine;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A compiled metric: which events feed it ({@code events} null means any event), the property it reads,
 * its window, and the slot its running value lives in inside an {@link EntityAggregate}.
 */
record MetricDef(String name, MetricKind kind, @Nullable Set<String> events, @Nullable String property,
    long windowMillis, int slot) {

  boolean matchesAnyEvent() {
    return events == null;
  }
}
