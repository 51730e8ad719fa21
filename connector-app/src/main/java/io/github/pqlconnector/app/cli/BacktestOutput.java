package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.app.report.ReportHtml;
import io.github.pqlconnector.core.http.WireJson;
import io.github.pqlconnector.core.report.BacktestReport;
import io.github.pqlconnector.core.report.BacktestReport.Prediction;
import io.github.pqlconnector.core.report.BacktestReport.TierEntities;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A backtest's output: per model the report's tables and pql as a predictor; with a challenger, first a side-by-side
 * table of both. JSON: the first model's report at the top level (with its {@code tiers}), a challenger under {@code
 * challenger}.
 */
final class BacktestOutput {
  private BacktestOutput() {}

  static void write(PrintWriter out, List<BacktestReport> reports, boolean json, @Nullable Path html)
      throws IOException {
    if (json) {
      out.println(WireJson.create().writerWithDefaultPrettyPrinter().writeValueAsString(reports.size() == 1
          ? reports.get(0) : new Combined(reports.get(0), reports.get(1))));
    } else {
      text(out, reports);
    }
    if (html != null) {
      Files.writeString(html, ReportHtml.page(reports.get(0).report()), StandardCharsets.UTF_8);
    }
  }

  /** The champion's fields at the top level, the challenger beside them. */
  record Combined(String model, List<java.time.LocalDate> dates, int everyDays, String traits,
      List<TierEntities> tiers, List<Prediction> predictions, Object report, BacktestReport challenger) {
    Combined(BacktestReport champion, BacktestReport challenger) {
      this(champion.model(), champion.dates(), champion.everyDays(), champion.traits(), champion.tiers(),
          champion.predictions(), champion.report(), challenger);
    }
  }

  private static void text(PrintWriter out, List<BacktestReport> reports) {
    BacktestReport first = reports.get(0);
    out.printf("backtest: %d dates from %s to %s every %d days; traits as of now (the source keeps no history of"
        + " them)%n", first.dates().size(), first.dates().get(0), first.dates().get(first.dates().size() - 1),
        first.everyDays());
    if (reports.size() == 2) {
      sideBySide(out, first, reports.get(1));
    }
    for (BacktestReport report : reports) {
      out.printf("%n== model %s ==%n", report.model());
      ReportText.print(out, report.report());
      report.predictions().forEach(p -> out.printf("  pql as a predictor of conversion (%ss): precision %s, recall"
          + " %s%n", p.level(), ReportText.percent(p.precision()), ReportText.percent(p.recall())));
    }
  }

  private static void sideBySide(PrintWriter out, BacktestReport a, BacktestReport b) {
    out.printf("%n  %-8s %-8s %22s   %22s%n", "level", "tier", a.model(), b.model());
    for (int i = 0; i < a.tiers().size() && i < b.tiers().size(); i++) {
      TierEntities x = a.tiers().get(i);
      TierEntities y = b.tiers().get(i);
      out.printf(Locale.US, "  %-8s %-8s %22s   %22s%n", x.level(), x.status(), cell(x), cell(y));
    }
  }

  private static String cell(TierEntities t) {
    return String.format(Locale.US, "%,d -> %,d (%s)", t.entities(), t.converted(), ReportText.percent(t.rate()));
  }
}
