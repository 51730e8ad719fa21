package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.app.report.ReportHtml;
import io.github.pqlconnector.core.report.ConversionReport;
import io.github.pqlconnector.core.report.ConversionReport.LevelReport;
import io.github.pqlconnector.core.report.ConversionReport.TierRow;
import io.github.pqlconnector.core.report.ConversionReport.TypeRow;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A conversion report as aligned plain-text tables, one block per level. */
final class ReportText {
  private static final String ROW = "  %-18s %9s %10s %7s %8s %12s%n";

  private ReportText() {}

  static void print(PrintWriter out, ConversionReport report) {
    out.printf(Locale.US, "conversion report of %s: entries from %s to %s, conversions within %d days of entering"
        + " (%s)%n", report.sync(), day(report), LocalDate.ofInstant(report.to(), ZoneOffset.UTC),
        report.horizonDays(), report.source());
    report.levels().forEach(level -> level(out, level));
  }

  private static void level(PrintWriter out, LevelReport level) {
    out.printf("%n%ss%n", level.level());
    out.printf(ROW, "tier", "entered", "converted", "open", "rate", "median days");
    level.tiers().forEach(row -> tier(out, row, row.status()));
    tier(out, level.rest(), "rest (never pql)");
    out.printf("  lift of pql over the rest: %s%n", level.liftOverRest() == null ? "n/a (no pql entered, or the rest never converted)"
        : String.format(Locale.US, "%.1fx", level.liftOverRest()));
    if (!level.byType().isEmpty()) {
      out.printf("%n  %-18s %9s %10s %8s%n", "pql by signal type", "entered", "converted", "rate");
      level.byType().forEach(row -> type(out, row));
    }
    var f = level.funnel();
    out.printf(Locale.US, "%n  funnel: seen %,d -> activated %,d -> pql %,d -> converted %,d%n", f.seen(),
        f.activated(), f.pql(), f.converted());
    out.println("  pql per week: " + (level.pqlsPerWeek().isEmpty() ? "none" : level.pqlsPerWeek().stream()
        .map(w -> w.week() + " " + w.entered()).collect(Collectors.joining(", "))));
  }

  private static void tier(PrintWriter out, TierRow row, String name) {
    out.printf(Locale.US, ROW, name, String.format(Locale.US, "%,d", row.entered()),
        String.format(Locale.US, "%,d", row.converted()), String.format(Locale.US, "%,d", row.open()),
        percent(row.rate()), row.medianDays() == null ? "-" : String.format(Locale.US, "%.1f", row.medianDays()));
  }

  private static void type(PrintWriter out, TypeRow row) {
    out.printf(Locale.US, "  %-18s %9s %10s %8s%n", row.type(), String.format(Locale.US, "%,d", row.entered()),
        String.format(Locale.US, "%,d", row.converted()), percent(row.rate()));
  }

  static String percent(@Nullable Double rate) {
    return ReportHtml.percent(rate);
  }

  private static LocalDate day(ConversionReport report) {
    return LocalDate.ofInstant(report.from(), ZoneOffset.UTC);
  }
}
