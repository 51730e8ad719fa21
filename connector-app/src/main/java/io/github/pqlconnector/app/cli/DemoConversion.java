package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.config.SyncConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.report.ConversionReport;
import io.github.pqlconnector.core.report.LiveReport;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.demo.DemoHistory;
import io.github.pqlconnector.demo.DemoSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** The demo's closed loop: half a year of fortnightly verdicts replayed before its run, and what the report then says. */
final class DemoConversion {
  static final Duration SINCE = Duration.ofDays(180);
  static final Duration HORIZON = Duration.ofDays(90);
  /** Fortnightly, not weekly: each replayed date costs about as much as a run's evaluation, and the demo should be quick. */
  static final int EVERY_DAYS = 14;

  private DemoConversion() {}

  static void seedHistory(AppContext app, DemoSpec demo, PrintWriter out) {
    SyncConfig sync = app.config().syncs().get(0);
    long started = System.nanoTime();
    List<LocalDate> dates = DemoHistory.dates(LocalDate.now(ZoneOffset.UTC), demo.days(),
        new CompiledModel(app.config().model()).maxCalendarDays(), EVERY_DAYS);
    int recorded;
    try (AnalyticsSource source = app.connectors().syncSource(app.config(), sync)) {
      recorded = DemoHistory.seed(app.store(), sync.name(), source, app.config().model(), dates);
    }
    out.printf(Locale.US, "replayed %d fortnightly runs from %s into the verdict history: %,d changes in %.1f s%n",
        dates.size(), dates.get(0), recorded, (System.nanoTime() - started) / 1e9);
  }

  static void printLift(AppContext app, PrintWriter out) {
    SyncConfig sync = app.config().syncs().get(0);
    ConversionReport report = LiveReport.of(app.store(), sync.name(), Instant.now(), SINCE, HORIZON,
        app.config().model().levels());
    out.println();
    for (ConversionReport.LevelReport level : report.levels()) {
      ConversionReport.TierRow pql = level.pql();
      out.printf(Locale.US, "%s PQLs of the last 180 days bought within 90 days %s of the time, the rest %s%s%n",
          level.level(), percent(pql.rate()), percent(level.rest().rate()),
          level.liftOverRest() == null ? "" : String.format(Locale.US, " (%.1fx)", level.liftOverRest()));
    }
  }

  private static String percent(Double rate) {
    return rate == null ? "-" : String.format(Locale.US, "%.1f %%", rate * 100);
  }
}
