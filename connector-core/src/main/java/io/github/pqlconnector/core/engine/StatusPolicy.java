package io.github.pqlconnector.core.engine;

import io.github.pqlconnector.core.config.ModelConfig;
import io.github.pqlconnector.core.model.EntityState;
import io.github.pqlconnector.core.model.PqlStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tiers, {@code not_fit} and hysteresis: once {@code pql}, an entity stays {@code pql} until its score has
 * been below the PQL tier for the hysteresis period, and keeps the {@code qualifiedAt} of its episode.
 */
final class StatusPolicy {
  private final int pqlTier;
  private final int warmTier;
  private final Duration hysteresis;
  private final EntityState[] plainStates = new EntityState[PqlStatus.values().length * 101];

  StatusPolicy(ModelConfig model) {
    this.pqlTier = model.tiers().pql();
    this.warmTier = model.tiers().warm();
    this.hysteresis = model.hysteresis();
  }

  /** The new state, and a reason to show when the status is held by hysteresis (else null). */
  Decision decide(boolean fit, int score, EntityState prior, Set<String> firedTypes, Instant now) {
    Map<String, Instant> types = typesSince(prior, firedTypes, now);
    if (!fit) {
      return new Decision(plain(PqlStatus.NOT_FIT, score, types), null);
    }
    if (score >= pqlTier) {
      Instant since = prior.status() == PqlStatus.PQL && prior.qualifiedAt() != null ? prior.qualifiedAt() : now;
      return new Decision(new EntityState(PqlStatus.PQL, score, since, null, types), null);
    }
    PqlStatus raw = score >= warmTier ? PqlStatus.WARM : PqlStatus.COLD;
    if (prior.status() == PqlStatus.PQL) {
      Instant below = prior.belowSince() != null ? prior.belowSince() : now;
      Instant until = below.plus(hysteresis);
      if (now.isBefore(until)) {
        Instant since = prior.qualifiedAt() != null ? prior.qualifiedAt() : now;
        String reason = "Held as PQL until " + LocalDate.ofInstant(until, ZoneOffset.UTC)
            + ": score " + score + " is below " + pqlTier;
        return new Decision(new EntityState(PqlStatus.PQL, score, since, below, types), reason);
      }
    }
    return new Decision(plain(raw, score, types), null);
  }

  /**
   * A state without episode or signal types is one of a few hundred (status × score): shared, as every verdict of
   * a run holds its state and most entities are cold or not fit without a signal firing.
   */
  private EntityState plain(PqlStatus status, int score, Map<String, Instant> types) {
    if (!types.isEmpty() || score < 0 || score > 100) {
      return new EntityState(status, score, null, null, types);
    }
    int index = status.ordinal() * 101 + score;
    EntityState state = plainStates[index];
    if (state == null) {
      state = new EntityState(status, score, null, null, Map.of());
      plainStates[index] = state;
    }
    return state;
  }

  private static Map<String, Instant> typesSince(EntityState prior, Set<String> fired, Instant now) {
    Map<String, Instant> since = new HashMap<>();
    for (String type : fired) {
      since.put(type, prior.typesSince().getOrDefault(type, now));
    }
    return since;
  }

  record Decision(EntityState state, @Nullable String holdReason) {}
}
