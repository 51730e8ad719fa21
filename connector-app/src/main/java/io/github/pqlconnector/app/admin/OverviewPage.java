package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.state.RunDao.RunRow;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code /}: the health of the scheduler, the state store and each destination, and every sync at a glance. */
final class OverviewPage {
  private final AdminBackend backend;

  OverviewPage(AdminBackend backend) {
    this.backend = backend;
  }

  Response render(Route.Request request) {
    Html page = new Html();
    health(page);
    List<SyncStatus> syncs = backend.syncs();
    page.raw("<h2>Syncs</h2>");
    if (syncs.isEmpty()) {
      page.raw("<p>No syncs are configured.</p>");
    } else {
      page.raw("<div class=\"scroll\"><table class=\"syncs\"><caption class=\"sr\">Syncs</caption><thead><tr>")
          .raw("<th scope=\"col\">Sync</th><th scope=\"col\">Schedule</th><th scope=\"col\">Next run</th>")
          .raw("<th scope=\"col\">State</th><th scope=\"col\">Last run</th><th scope=\"col\">Outbox</th>")
          .raw("<th scope=\"col\">Throttled (1 h)</th></tr></thead><tbody>");
      syncs.forEach(s -> row(page, s));
      page.raw("</tbody></table></div>");
    }
    return Layout.page(200, "Overview", "Overview", request, page);
  }

  private void health(Html page) {
    page.raw("<h2>Health</h2><ul class=\"health\">");
    item(page, "Scheduler", backend.schedulerRunning() ? "ok" : "down", null);
    item(page, "State store", backend.stateReachable() ? "ok" : "down", null);
    for (DestinationHealth d : backend.destinations()) {
      item(page, "Destination " + d.name() + " (" + d.type() + ")", d.status(),
          (d.message() == null ? "" : d.message() + " · ") + "checked " + Html.time(d.checkedAt()));
    }
    page.raw("</ul>");
  }

  private static void item(Html page, String what, String status, @Nullable String detail) {
    page.raw("<li>").el("strong", what).raw(" ").badge(status);
    if (detail != null) {
      page.raw(" <span class=\"muted\">").text(detail).raw("</span>");
    }
    page.raw("</li>");
  }

  private void row(Html page, SyncStatus s) {
    page.raw("<tr><td>").link("/syncs/" + Paths.encode(s.name()), s.name()).raw("<br><span class=\"muted\">")
        .text(s.source() + " → " + s.destination()).raw("</span></td><td>");
    if (s.cron() == null) {
      page.text("manual only");
    } else {
      page.text(backend.previewCron(s.cron(), 0).words()).raw("<br><code>").text(s.cron()).raw("</code>");
      if (s.cronOverridden()) {
        page.raw(" <span class=\"badge b-override\">overrides the file</span>");
      }
    }
    page.raw("</td>").el("td", s.paused() ? "paused" : Html.time(s.nextFire())).raw("<td>")
        .badge(s.running() ? "running" : s.paused() ? "paused" : "active").raw("</td><td>");
    lastRun(page, s.lastRun());
    page.raw("</td>").el("td", String.format("%,d", s.outboxDepth()))
        .el("td", String.format("%,d", s.throttlesLastHour())).raw("</tr>");
  }

  static void lastRun(Html page, @Nullable RunRow run) {
    if (run == null) {
      page.text("never");
      return;
    }
    page.link("/runs/" + run.id(), "#" + run.id()).raw(" ").badge(run.status()).raw("<br><span class=\"muted\">")
        .text(RunsPage.summary(run) + " · " + Html.duration(run.startedAt(), run.finishedAt())).raw("</span>");
  }
}
