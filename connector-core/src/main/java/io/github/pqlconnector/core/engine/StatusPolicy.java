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
  private final Map<EntityState, EntityState> states = new HashMap<>();

  StatusPolicy(ModelConfig model) {
    this.pqlTier = model.tiers().pql();
    this.warmTier = model.tiers().warm();
    this.hysteresis = model.hysteresis();
  }

  /** The new state, and a reason to show when the status is held by hysteresis (else null). */
  Decision decide(boolean fit, int score, EntityState prior, Set<String> firedTypes, Instant now) {
    Map<String, Instant> types = typesSince(prior, firedTypes, now);
    if (!fit) {
      return new Decision(shared(new EntityState(PqlStatus.NOT_FIT, score, null, null, types)), null);
    }
    if (score >= pqlTier) {
      Instant since = prior.status() == PqlStatus.PQL && prior.qualifiedAt() != null ? prior.qualifiedAt() : now;
      return new Decision(shared(new EntityState(PqlStatus.PQL, score, since, null, types)), null);
    }
    PqlStatus raw = score >= warmTier ? PqlStatus.WARM : PqlStatus.COLD;
    if (prior.status() == PqlStatus.PQL) {
      Instant below = prior.belowSince() != null ? prior.belowSince() : now;
      Instant until = below.plus(hysteresis);
      if (now.isBefore(until)) {
        Instant since = prior.qualifiedAt() != null ? prior.qualifiedAt() : now;
        String reason = "Held as PQL until " + LocalDate.ofInstant(until, ZoneOffset.UTC)
            + ": score " + score + " is below " + pqlTier;
        return new Decision(shared(new EntityState(PqlStatus.PQL, score, since, below, types)), reason);
      }
    }
    return new Decision(shared(new EntityState(raw, score, null, null, types)), null);
  }

  /**
   * One instance per distinct state: most entities of a run share a status and score without an episode, or with the
   * episode and signal types starting "now", and every verdict holds its state. States are immutable.
   */
  private EntityState shared(EntityState state) {
    EntityState known = states.putIfAbsent(state, state);
    return known == null ? state : known;
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
