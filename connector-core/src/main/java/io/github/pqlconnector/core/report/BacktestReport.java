package io.github.pqlconnector.core.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A model replayed over the source's history: the dates it was evaluated at, the same tables as {@code pql report}
 * for the entries of those dates, and {@code pql} as a predictor of conversion within the horizon, per level:
 * precision (the PQLs that converted ÷ the PQLs) and recall (the PQLs that converted ÷ all that converted).
 * {@code tiers} flattens every level's tier rows for scripts. {@code traits}: traits are as of now (the source has
 * no history of them), which the output says.
 */
public record BacktestReport(String model, List<LocalDate> dates, int everyDays, String traits,
    List<TierEntities> tiers, List<Prediction> predictions, ConversionReport report) {

  public BacktestReport {
    dates = List.copyOf(dates);
    tiers = List.copyOf(tiers);
    predictions = List.copyOf(predictions);
  }

  /** One tier of one level: entities that entered it at a replayed date, and how many of them converted. */
  public record TierEntities(String level, String status, int entities, int converted, @Nullable Double rate) {}

  /** {@code pql} as a predictor for one level; null when undefined (no PQLs, or no conversions). */
  public record Prediction(String level, @Nullable Double precision, @Nullable Double recall) {}

  static BacktestReport of(String model, List<LocalDate> dates, int everyDays, ConversionReport report) {
    List<TierEntities> tiers = new ArrayList<>();
    List<Prediction> predictions = new ArrayList<>();
    for (ConversionReport.LevelReport level : report.levels()) {
      level.tiers().forEach(t -> tiers.add(new TierEntities(level.level(), t.status(), t.entered(), t.converted(),
          t.rate())));
      ConversionReport.TierRow pql = level.pql();
      int converted = pql.converted() + level.rest().converted();
      predictions.add(new Prediction(level.level(), pql.rate(), converted == 0 ? null
          : (double) pql.converted() / converted));
    }
    return new BacktestReport(model, dates, everyDays, "as of now", tiers, predictions, report);
  }
}
