package io.github.pqlconnector.core.model;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the engine remembers about an entity between runs: its last status and score (a change of either goes into
 * the verdict history), the start of its PQL episode, since when its score is below the PQL tier (for hysteresis),
 * and since when each signal type has been firing (so a task trigger on a type fires once per episode of that type).
 */
public record EntityState(PqlStatus status, int score, @Nullable Instant qualifiedAt,
    @Nullable Instant belowSince, Map<String, Instant> typesSince) {

  /** A score not known (a state kept before scores were): the next verdict counts as a change. */
  public static final int UNKNOWN_SCORE = -1;
  public static final EntityState NEW = new EntityState(PqlStatus.COLD, 0, null, null, Map.of());

  public EntityState {
    typesSince = Map.copyOf(typesSince);
  }

  /** True when the status or the score differs from {@code before}'s: what the verdict history records. */
  public boolean verdictDiffers(EntityState before) {
    return status != before.status || score != before.score;
  }
}
