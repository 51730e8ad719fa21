package io.github.pqlconnector.app.report;

import io.github.pqlconnector.core.report.ConversionReport;
import io.github.pqlconnector.core.report.ConversionReport.LevelReport;
import io.github.pqlconnector.core.report.ConversionReport.TierRow;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A conversion report as one self-contained HTML page: styles inline, charts as inline SVG, nothing fetched from the
 * network, so it opens from a mail attachment or an air-gapped share. Per level: the tier table, conversion by tier,
 * the funnel, PQLs per week and the score distribution.
 */
public final class ReportHtml {
  private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}"
      + "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{padding:.25em .8em;border-bottom:1px solid #ddd;"
      + "text-align:right}th:first-child,td:first-child{text-align:left}h2{margin-top:2em}.charts{display:flex;"
      + "flex-wrap:wrap;gap:2em}figure{margin:0}figcaption{font-weight:600;margin-bottom:.3em}.bar{fill:#3b6fd4}"
      + ".lift{font-size:1.2em}.muted{color:#777}";

  private ReportHtml() {}

  /** The whole page, styles inline, for a file. */
  public static String page(ConversionReport report) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>PQL conversion report: " + esc(report.sync()) + "</title><style>" + STYLE + "</style></head><body>");
    html.append("<h1>PQL conversion report: ").append(esc(report.sync())).append("</h1><p class=\"muted\">Entries from ")
        .append(LocalDate.ofInstant(report.from(), ZoneOffset.UTC)).append(" to ")
        .append(LocalDate.ofInstant(report.to(), ZoneOffset.UTC)).append(", conversions within ")
        .append(report.horizonDays()).append(" days of entering; from the ").append(esc(report.source()))
        .append(".</p>");
    html.append(levels(report));
    return html.append("</body></html>\n").toString();
  }

  /** Each level's tables and charts, without page or styles: the admin console puts them in its own page. */
  public static String levels(ConversionReport report) {
    StringBuilder html = new StringBuilder();
    report.levels().forEach(level -> level(html, level));
    return html.toString();
  }

  /** A rate as a percentage with one decimal, "-" when there is none. */
  public static String percent(@Nullable Double rate) {
    return rate == null ? "-" : String.format(Locale.US, "%.1f %%", rate * 100);
  }

  private static void level(StringBuilder html, LevelReport level) {
    html.append("<h2>").append(esc(level.level())).append("s</h2><table class=\"tiers\"><tr><th>tier</th><th>entered</th>"
        + "<th>converted</th><th>open</th><th>rate</th><th>median days</th></tr>");
    level.tiers().forEach(row -> row(html, row, row.status()));
    row(html, level.rest(), "rest (never pql)");
    html.append("</table><p class=\"lift\">Lift of pql over the rest: <b>").append(level.liftOverRest() == null
        ? "n/a" : String.format(Locale.US, "%.1f&times;", level.liftOverRest())).append("</b></p>");
    types(html, level);
    html.append("<div class=\"charts\">");
    List<String> tiers = level.tiers().stream().map(TierRow::status).toList();
    List<Double> rates = level.tiers().stream().map(t -> t.rate() == null ? 0 : t.rate() * 100).toList();
    html.append(SvgBars.chart("Conversion by tier (%)", tiers, rates));
    var f = level.funnel();
    html.append(SvgBars.chart("Funnel", List.of("seen", "activated", "pql", "converted"),
        List.of((double) f.seen(), (double) f.activated(), (double) f.pql(), (double) f.converted())));
    html.append(SvgBars.chart("PQLs per week", level.pqlsPerWeek().stream().map(w -> w.week().toString()).toList(),
        level.pqlsPerWeek().stream().map(w -> (double) w.entered()).toList()));
    html.append(SvgBars.chart("Score distribution (latest score)", scoreLabels(),
        level.scores().stream().map(Integer::doubleValue).toList()));
    html.append("</div>");
  }

  private static void types(StringBuilder html, LevelReport level) {
    if (level.byType().isEmpty()) {
      return;
    }
    html.append("<table class=\"types\"><tr><th>pql by signal type</th><th>entered</th><th>converted</th>"
        + "<th>rate</th></tr>");
    level.byType().forEach(t -> html.append("<tr><td>").append(esc(t.type())).append("</td><td>")
        .append(count(t.entered())).append("</td><td>").append(count(t.converted())).append("</td><td>")
        .append(percent(t.rate())).append("</td></tr>"));
    html.append("</table>");
  }

  private static String count(int n) {
    return String.format(Locale.US, "%,d", n);
  }

  private static void row(StringBuilder html, TierRow row, String name) {
    html.append("<tr><td>").append(esc(name)).append("</td><td>").append(count(row.entered())).append("</td><td>")
        .append(count(row.converted())).append("</td><td>").append(count(row.open())).append("</td><td>")
        .append(percent(row.rate())).append("</td><td>").append(row.medianDays() == null ? "-"
            : String.format(Locale.US, "%.1f", row.medianDays())).append("</td></tr>");
  }

  private static List<String> scoreLabels() {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      labels.add(i * 10 + "-" + (i * 10 + 9));
    }
    labels.add("100+");
    return labels;
  }

  static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
