package io.github.pqlconnector.core.report;

import io.github.pqlconnector.core.model.PqlStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entity's way through the tiers, as far as a report needs it: when it was first seen and first activated, its
 * status before the period, and the first entry into each tier within the period (with the strongest signal type
 * then). Fed verdict changes oldest first.
 */
final class Journey {
  /** The first entry into a tier within the period. */
  record Entry(Instant at, @Nullable String type) {}

  private final Instant periodFrom;
  private final Instant periodTo;
  private @Nullable Instant firstSeen;
  private @Nullable Instant activatedAt;
  private @Nullable PqlStatus status;
  private int score;
  private final Map<PqlStatus, Entry> entries = new EnumMap<>(PqlStatus.class);

  /** A journey whose entries count from {@code periodFrom} to {@code periodTo}. */
  Journey(Instant periodFrom, Instant periodTo) {
    this.periodFrom = periodFrom;
    this.periodTo = periodTo;
  }

  /** The entity's verdict from {@code at} on. */
  void change(Instant at, PqlStatus next, int nextScore, @Nullable String type, double activationPct) {
    if (at.isAfter(periodTo)) {
      return;
    }
    if (firstSeen == null) {
      firstSeen = at;
    }
    if (activatedAt == null && activationPct >= 100) {
      activatedAt = at;
    }
    if (next != status && !at.isBefore(periodFrom)) {
      entries.putIfAbsent(next, new Entry(at, type));
    }
    status = next;
    score = nextScore;
  }

  /** The score of the last verdict up to the period's end. */
  int score() {
    return score;
  }

  @Nullable Entry entry(PqlStatus tier) {
    return entries.get(tier);
  }

  /** The first entry in the period into any tier but {@code tier}, for "the rest" of an entity that never got there. */
  @Nullable Entry firstEntryOtherThan(PqlStatus tier) {
    Entry first = null;
    for (Map.Entry<PqlStatus, Entry> e : entries.entrySet()) {
      if (e.getKey() != tier && (first == null || e.getValue().at().isBefore(first.at()))) {
        first = e.getValue();
      }
    }
    return first;
  }

  @Nullable Instant firstSeen() {
    return firstSeen;
  }

  @Nullable Instant activatedAt() {
    return activatedAt;
  }
}
