package io.github.pqlconnector.core.report;

import io.github.pqlconnector.core.model.PqlStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the model's verdicts led to, per level: for the entities that entered each tier in {@code from}..{@code to},
 * how many converted within {@code horizonDays} of entering, the lift of {@code pql} over the rest, the median days to
 * convert, conversion per signal type of the PQLs, the funnel and the PQLs per week. {@code source} says where the
 * entries came from ("verdict history", or a backtest's replay).
 */
public record ConversionReport(String sync, String source, Instant from, Instant to, int horizonDays,
    List<LevelReport> levels) {

  public ConversionReport {
    levels = List.copyOf(levels);
  }

  /**
   * One level's numbers. {@code liftOverRest} is null when the rest converted never (or there is no rest); {@code
   * scores} counts the entities seen by their latest score, in tens: 0-9, 10-19, …, 90-99, 100 and more.
   */
  public record LevelReport(String level, List<TierRow> tiers, @Nullable Double liftOverRest, TierRow rest,
      List<TypeRow> byType, Funnel funnel, List<WeekRow> pqlsPerWeek, List<Integer> scores) {
    public LevelReport {
      tiers = List.copyOf(tiers);
      byType = List.copyOf(byType);
      pqlsPerWeek = List.copyOf(pqlsPerWeek);
      scores = List.copyOf(scores);
    }

    /** The row of the {@code pql} tier. */
    public TierRow pql() {
      return tiers.stream().filter(t -> t.status().equals(PqlStatus.PQL.id())).findFirst().orElseThrow();
    }
  }

  /**
   * Entities that entered {@code status} in the period; {@code converted} within the horizon after entering ({@code
   * open}: entered less than the horizon ago and not converted yet, so their count may still grow); {@code rate} is
   * converted ÷ entered (null when none entered); {@code medianDays} from entering to converting (null: none did).
   */
  public record TierRow(String status, int entered, int converted, int open, @Nullable Double rate,
      @Nullable Double medianDays) {}

  /** The PQLs of the period by the strongest signal type they entered with. */
  public record TypeRow(String type, int entered, int converted, @Nullable Double rate) {}

  /** Entities seen, activated (100 % activation at some change), entered {@code pql} in the period, converted after seen. */
  public record Funnel(int seen, int activated, int pql, int converted) {}

  /** The week (starting Monday, UTC) and how many entities entered {@code pql} in it. */
  public record WeekRow(LocalDate week, int entered) {}
}
