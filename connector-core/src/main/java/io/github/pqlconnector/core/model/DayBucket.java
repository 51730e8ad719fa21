package io.github.pqlconnector.core.model;

import java.util.Objects;

/**
 * One entity's partial aggregates for one UTC day ({@code epochDay}, days since 1970-01-01), as stored
 * for incremental sources. {@code data} is the engine's compact encoding; only the engine reads it.
 */
public record DayBucket(EntityRef entity, long epochDay, String data) {
  public DayBucket {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(data, "data");
  }
}
