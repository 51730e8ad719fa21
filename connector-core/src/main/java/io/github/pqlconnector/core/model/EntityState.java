package io.github.pqlconnector.core.model;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the engine remembers about an entity between runs: its last status, the start of its PQL
 * episode, since when its score is below the PQL tier (for hysteresis), and since when each signal type
 * has been firing (so a task trigger on a type fires once per episode of that type).
 */
public record EntityState(PqlStatus status, @Nullable Instant qualifiedAt,
    @Nullable Instant belowSince, Map<String, Instant> typesSince) {

  public static final EntityState NEW = new EntityState(PqlStatus.COLD, null, null, Map.of());

  public EntityState {
    typesSince = Map.copyOf(typesSince);
  }
}
