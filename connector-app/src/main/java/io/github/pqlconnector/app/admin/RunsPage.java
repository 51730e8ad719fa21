package io.github.pqlconnector.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.state.RunDao.RunRow;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code /runs}: run history with filters; {@code /runs/{id}}: one run with its report and per-record errors. */
final class RunsPage {
  static final List<String> STATUSES = List.of("RUNNING", "SUCCESS", "PARTIAL", "FAILED", "STOPPED", "ABANDONED");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> NOTES = Map.of("retry", "Retry started: the failed records are due now.");
  private final AdminBackend backend;

  RunsPage(AdminBackend backend) {
    this.backend = backend;
  }

  Response list(Route.Request request) {
    RunFilter filter = new RunFilter(request.q("sync"), request.q("status"), day(request.q("from")),
        day(request.q("to")), 100);
    Html page = new Html();
    page.raw("<form method=\"get\" action=\"/runs\" class=\"filters\">")
        .select("sync", "Sync", filter.sync(), backend.syncs().stream().map(SyncStatus::name).toList())
        .select("status", "Status", filter.status(), STATUSES)
        .input("from", "From (UTC day)", request.q("from"), "type=\"date\"")
        .input("to", "To (UTC day)", request.q("to"), "type=\"date\"")
        .raw("<button type=\"submit\">Filter</button></form>");
    List<RunRow> runs = backend.runs(filter);
    page.raw("<div class=\"scroll\"><table class=\"runs\"><thead><tr><th scope=\"col\">Run</th>")
        .raw("<th scope=\"col\">Sync</th><th scope=\"col\">Status</th><th scope=\"col\">Trigger</th>")
        .raw("<th scope=\"col\">Started</th><th scope=\"col\">Took</th><th scope=\"col\">Counts</th></tr></thead><tbody>");
    for (RunRow run : runs) {
      page.raw("<tr><td>").link("/runs/" + run.id(), "#" + run.id()).raw("</td>").el("td", run.sync())
          .raw("<td>").badge(run.status()).raw("</td>").el("td", run.trigger()).el("td", Html.time(run.startedAt()))
          .el("td", Html.duration(run.startedAt(), run.finishedAt())).el("td", summary(run)).raw("</tr>");
    }
    page.raw("</tbody></table></div>");
    if (runs.isEmpty()) {
      page.raw("<p>No runs match.</p>");
    }
    return Layout.page(200, "Runs", "Runs", request, page);
  }

  Response detail(Route.Request request) {
    Optional<RunDetail> found = parseId(request.param("id")).flatMap(backend::run);
    if (found.isEmpty()) {
      return ConsolePages.refused(404, "There is no run #" + request.param("id") + ".");
    }
    RunRow run = found.get().run();
    Html page = new Html();
    ConsolePages.note(page, request, NOTES);
    page.raw("<dl class=\"facts\">").raw("<dt>Sync</dt><dd>").link("/syncs/" + Paths.encode(run.sync()), run.sync())
        .raw("</dd><dt>Status</dt><dd>").badge(run.status()).raw("</dd>").raw("<dt>Trigger</dt>").el("dd", run.trigger())
        .raw("<dt>Started</dt>").el("dd", Html.time(run.startedAt())).raw("<dt>Took</dt>")
        .el("dd", Html.duration(run.startedAt(), run.finishedAt())).raw("<dt>Counts</dt>").el("dd", summary(run));
    if (run.message() != null) {
      page.raw("<dt>Message</dt>").el("dd", run.message());
    }
    page.raw("</dl>");
    errors(page, request, run, found.get().errors());
    RunReportView.render(page, tree(run.report()));
    return Layout.page(200, "Run #" + run.id(), "Runs", request, page);
  }

  private static void errors(Html page, Route.Request request, RunRow run, List<RecordError> errors) {
    page.raw("<h2>Per-record errors</h2>");
    if (errors.isEmpty()) {
      page.raw("<p>None.</p>");
      return;
    }
    if (request.principal().operator() && request.session() != null) {
      page.button("/syncs/" + Paths.encode(run.sync()) + "/retry", request.session().csrf(), "Retry failed records",
          "primary", Map.of("from", String.valueOf(run.id())));
    }
    page.raw("<div class=\"scroll\"><table class=\"errors\"><thead><tr><th scope=\"col\">Record</th>")
        .raw("<th scope=\"col\">Category</th><th scope=\"col\">Vendor code</th><th scope=\"col\">Message</th>")
        .raw("</tr></thead><tbody>");
    errors.forEach(e -> page.row(e.entity().level().id() + " " + e.entity().id(), e.category().name(),
        e.vendorCode(), e.message()));
    page.raw("</tbody></table></div>");
  }

  /** "evaluated 3,000 · changed 12 · pushed 12 · failed 0 · tasks 3", from the run's counts. */
  static String summary(RunRow run) {
    JsonNode counts = tree(run.counts());
    if (counts == null || !counts.isObject()) {
      return "–";
    }
    return String.format("evaluated %,d · changed %,d · pushed %,d · failed %,d · tasks %,d",
        counts.path("evaluated").asLong(), counts.path("changed").asLong(), counts.path("pushed").asLong(),
        counts.path("failed").asLong() + counts.path("tasksFailed").asLong(), counts.path("tasksCreated").asLong());
  }

  static @Nullable JsonNode tree(@Nullable String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static Optional<Long> parseId(String text) {
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static @Nullable LocalDate day(@Nullable String text) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequest("dates are days such as 2026-12-01, got '" + text + "'");
    }
  }
}
