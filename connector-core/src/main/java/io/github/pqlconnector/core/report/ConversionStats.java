package io.github.pqlconnector.core.report;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.report.ConversionReport.Funnel;
import io.github.pqlconnector.core.report.ConversionReport.LevelReport;
import io.github.pqlconnector.core.report.ConversionReport.TierRow;
import io.github.pqlconnector.core.report.ConversionReport.TypeRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns journeys and conversions into one level's report. A conversion counts for an entry when it happened at or
 * after the entry and within the horizon; one before the entry (an existing customer) does not.
 */
final class ConversionStats {
  private final Map<EntityRef, Journey> journeys;
  private final Map<EntityRef, List<Instant>> conversions;
  private final Duration horizon;
  private final Instant now;

  ConversionStats(Map<EntityRef, Journey> journeys, Map<EntityRef, List<Instant>> conversions, Duration horizon,
      Instant now) {
    this.journeys = journeys;
    this.conversions = conversions;
    this.horizon = horizon;
    this.now = now;
  }

  LevelReport level(EntityLevel level) {
    List<TierRow> tiers = new ArrayList<>();
    TierRow pql = tier(level, PqlStatus.PQL);
    for (PqlStatus tier : PqlStatus.values()) {
      tiers.add(tier == PqlStatus.PQL ? pql : tier(level, tier));
    }
    TierRow rest = rest(level);
    Double lift = pql.rate() == null || rest.rate() == null || rest.rate() == 0 ? null : pql.rate() / rest.rate();
    return new LevelReport(level.id(), tiers, lift, rest, byType(level), funnel(level),
        Weeks.entries(journeys, level, PqlStatus.PQL), scores(level));
  }

  private List<Integer> scores(EntityLevel level) {
    Integer[] buckets = new Integer[11];
    Arrays.fill(buckets, 0);
    journeys.forEach((entity, journey) -> {
      if (entity.level() == level && journey.firstSeen() != null) {
        buckets[Math.max(0, Math.min(10, journey.score() / 10))]++;
      }
    });
    return List.of(buckets);
  }

  private TierRow tier(EntityLevel level, PqlStatus tier) {
    Tally tally = new Tally();
    journeys.forEach((entity, journey) -> {
      if (entity.level() == level) {
        tally.add(journey.entry(tier), conversions.get(entity));
      }
    });
    return tally.row(tier.id());
  }

  /** Entities of the period that never entered {@code pql} in it, from their first entry into another tier. */
  private TierRow rest(EntityLevel level) {
    Tally tally = new Tally();
    journeys.forEach((entity, journey) -> {
      if (entity.level() == level && journey.entry(PqlStatus.PQL) == null) {
        tally.add(journey.firstEntryOtherThan(PqlStatus.PQL), conversions.get(entity));
      }
    });
    return tally.row("rest");
  }

  private List<TypeRow> byType(EntityLevel level) {
    Map<String, Tally> byType = new TreeMap<>();
    journeys.forEach((entity, journey) -> {
      Journey.Entry entry = entity.level() == level ? journey.entry(PqlStatus.PQL) : null;
      if (entry != null) {
        byType.computeIfAbsent(entry.type() == null ? "(none)" : entry.type(), t -> new Tally())
            .add(entry, conversions.get(entity));
      }
    });
    List<TypeRow> rows = new ArrayList<>();
    byType.forEach((type, tally) -> {
      TierRow row = tally.row(type);
      rows.add(new TypeRow(type, row.entered(), row.converted(), row.rate()));
    });
    return rows;
  }

  private Funnel funnel(EntityLevel level) {
    int[] counts = new int[4];
    journeys.forEach((entity, journey) -> {
      if (entity.level() != level || journey.firstSeen() == null) {
        return;
      }
      counts[0]++;
      counts[1] += journey.activatedAt() != null ? 1 : 0;
      counts[2] += journey.entry(PqlStatus.PQL) != null ? 1 : 0;
      counts[3] += firstAtOrAfter(conversions.get(entity), journey.firstSeen()) != null ? 1 : 0;
    });
    return new Funnel(counts[0], counts[1], counts[2], counts[3]);
  }

  static @Nullable Instant firstAtOrAfter(@Nullable List<Instant> times, Instant from) {
    if (times != null) {
      for (Instant at : times) {
        if (!at.isBefore(from)) {
          return at;
        }
      }
    }
    return null;
  }

  /** Entries, conversions within the horizon, open ones and days to convert, for one row. */
  private final class Tally {
    private int entered;
    private int converted;
    private int open;
    private final List<Double> days = new ArrayList<>();

    void add(Journey.@Nullable Entry entry, @Nullable List<Instant> times) {
      if (entry == null) {
        return;
      }
      entered++;
      Instant at = firstAtOrAfter(times, entry.at());
      if (at != null && !at.isAfter(entry.at().plus(horizon))) {
        converted++;
        days.add(Duration.between(entry.at(), at).toMinutes() / (24.0 * 60));
      } else if (entry.at().plus(horizon).isAfter(now)) {
        open++;
      }
    }

    TierRow row(String name) {
      return new TierRow(name, entered, converted, open, entered == 0 ? null : (double) converted / entered,
          Medians.of(days));
    }
  }
}
