package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.app.report.ReportHtml;
import io.github.pqlconnector.core.config.Durations;
import io.github.pqlconnector.core.report.ConversionReport;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code /conversion}: the closed-loop report of a sync (as {@code pql report}): how each tier converted, the lift
 * of PQLs over the rest, by signal type, the funnel, PQLs per week and the score distribution.
 */
final class ConversionPage {
  private static final List<String> PERIODS = List.of("30d", "60d", "90d", "180d", "365d");
  private final AdminBackend backend;

  ConversionPage(AdminBackend backend) {
    this.backend = backend;
  }

  Response render(Route.Request request) {
    List<String> syncs = backend.syncs().stream().map(SyncStatus::name).toList();
    if (syncs.isEmpty()) {
      return Layout.page(200, "Conversion", "Conversion", request, new Html().raw("<p>No syncs are configured.</p>"));
    }
    String sync = request.q("sync") != null ? request.q("sync") : syncs.get(0);
    String since = period(request.q("since"));
    String horizon = period(request.q("horizon"));
    Html page = new Html();
    page.raw("<form method=\"get\" action=\"/conversion\" class=\"filters\">")
        .select("sync", "Sync", sync, syncs).select("since", "Entered in the last", since, PERIODS)
        .select("horizon", "Converted within", horizon, PERIODS).raw("<button type=\"submit\">Show</button></form>");
    Optional<ConversionReport> report = backend.report(sync, days(since), days(horizon));
    if (report.isEmpty()) {
      return ConsolePages.refused(404, "There is no sync named " + sync + ".");
    }
    ConversionReport r = report.get();
    page.raw("<p class=\"muted\">").text("Entries from " + LocalDate.ofInstant(r.from(), ZoneOffset.UTC) + " to "
        + LocalDate.ofInstant(r.to(), ZoneOffset.UTC) + ", conversions within " + r.horizonDays()
        + " days of entering; from the " + r.source() + ".").raw("</p><div class=\"report\">")
        .raw(ReportHtml.levels(r)).raw("</div>");
    return Layout.page(200, "Conversion", "Conversion", request, page);
  }

  private static String period(@Nullable String value) {
    return value != null && PERIODS.contains(value) ? value : "90d";
  }

  private static Duration days(String value) {
    return Durations.parse(value).orElse(Duration.ofDays(90));
  }
}
