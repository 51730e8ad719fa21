package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.state.RunDao.RunRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code /syncs/{name}}: one sync's schedule (edit with a preview of the next five fires; an edit overrides the
 * file until put back), pause, resume, run now, its recent runs, and a link to the dry-run preview.
 */
final class SyncPage {
  static final int FIRES = 5;
  private static final Map<String, String> NOTES = Map.of(
      "paused", "Paused: the schedule will not fire until resumed.",
      "resumed", "Resumed: the schedule fires again.",
      "run", "Run started. It appears under Recent runs; reload to follow it.",
      "schedule", "Schedule saved. It overrides the file's value on every node until put back.",
      "reset", "Schedule put back to the file's value.");
  private final AdminBackend backend;

  SyncPage(AdminBackend backend) {
    this.backend = backend;
  }

  Response render(Route.Request request) {
    return page(request, null, null, 200);
  }

  /** The page, with {@code edited} (a cron being previewed or refused) and its preview or problem shown. */
  Response page(Route.Request request, @Nullable String edited, @Nullable CronPreview preview, int status) {
    String name = request.param("name");
    SyncStatus sync = backend.sync(name).orElse(null);
    if (sync == null) {
      return ConsolePages.refused(404, "There is no sync named " + name + ".");
    }
    Html page = new Html();
    ConsolePages.note(page, request, NOTES);
    facts(page, sync);
    if (request.principal().operator() && request.session() != null) {
      controls(page, sync, request.session().csrf());
    }
    schedule(page, request, sync, edited, preview);
    page.raw("<h2>Dry run</h2><p>").link("/syncs/" + Paths.encode(name) + "/plan", "Preview what the next run would write")
        .raw(" <span class=\"muted\">(reads the source; writes nothing)</span></p>");
    recentRuns(page, name);
    return Layout.page(status, "Sync " + name, "Overview", request, page);
  }

  private static void facts(Html page, SyncStatus s) {
    page.raw("<dl class=\"facts\"><dt>Source → destination</dt>").el("dd", s.source() + " → " + s.destination())
        .raw("<dt>State</dt><dd>").badge(s.running() ? "running" : s.paused() ? "paused" : "active").raw("</dd>")
        .raw("<dt>Next run</dt>").el("dd", s.paused() ? "paused" : Html.time(s.nextFire()))
        .raw("<dt>Last run</dt><dd>");
    OverviewPage.lastRun(page, s.lastRun());
    page.raw("</dd><dt>Outbox</dt>").el("dd", String.format("%,d waiting", s.outboxDepth())).raw("</dl>");
  }

  private static void controls(Html page, SyncStatus s, String csrf) {
    String base = "/syncs/" + Paths.encode(s.name());
    page.raw("<div class=\"actions\">");
    if (s.paused()) {
      page.button(base + "/resume", csrf, "Resume", "primary", Map.of());
    } else {
      page.button(base + "/pause", csrf, "Pause", "", Map.of());
    }
    page.button(base + "/run", csrf, "Run now", "primary", Map.of()).raw("</div>");
  }

  private void schedule(Html page, Route.Request request, SyncStatus s, @Nullable String edited,
      @Nullable CronPreview preview) {
    page.raw("<h2>Schedule</h2><p>");
    if (s.cron() == null) {
      page.text("Manual only: no cron in the file.");
    } else {
      page.text(backend.previewCron(s.cron(), 0).words()).raw(" · <code>").text(s.cron()).raw("</code>");
    }
    if (s.cronOverridden()) {
      page.raw(" <span class=\"badge b-override\">overrides the file</span> <span class=\"muted\">").text(
          "the file says " + (s.fileCron() == null ? "manual only" : s.fileCron())).raw("</span>");
    }
    page.raw("</p>");
    if (s.cron() != null && preview == null) {
      fires(page, "Next five runs", backend.previewCron(s.cron(), FIRES).nextFires());
    }
    if (!request.principal().operator() || request.session() == null) {
      return;
    }
    String base = "/syncs/" + Paths.encode(s.name());
    page.raw("<form method=\"post\" action=\"").text(base + "/schedule").raw("\" class=\"cron\">")
        .hidden(Access.CSRF_FIELD, request.session().csrf())
        .input("cron", "Cron (Quartz syntax, UTC)", edited != null ? edited : s.cron(),
            "required spellcheck=\"false\" aria-describedby=\"cron-help\"" + (preview != null && !preview.valid()
                ? " aria-invalid=\"true\"" : ""))
        .raw("<p id=\"cron-help\" class=\"hint\">Seconds minutes hours day-of-month month day-of-week, e.g. ")
        .raw("<code>0 */30 * * * ?</code> for every 30 minutes.</p>")
        .raw("<button type=\"submit\" name=\"intent\" value=\"preview\">Preview</button> ")
        .raw("<button type=\"submit\" name=\"intent\" value=\"save\" class=\"primary\">Save</button></form>");
    if (preview != null) {
      previewed(page, preview);
    }
    if (s.cronOverridden()) {
      page.button(base + "/schedule/reset", request.session().csrf(), "Use the file's value", "", Map.of());
    }
  }

  private static void previewed(Html page, CronPreview preview) {
    if (!preview.valid()) {
      page.raw("<p class=\"error\" role=\"alert\" id=\"cron-error\">").text(preview.problem()).raw("</p>");
      return;
    }
    page.raw("<p role=\"status\">").text(preview.words()).raw("</p>");
    fires(page, "It would run at", preview.nextFires());
  }

  private static void fires(Html page, String title, List<Instant> fires) {
    page.raw("<h3>").text(title).raw("</h3><ol class=\"fires\">");
    fires.forEach(at -> page.el("li", Html.time(at)));
    page.raw("</ol>");
  }

  private void recentRuns(Html page, String name) {
    page.raw("<h2>Recent runs</h2><ul class=\"recent\">");
    List<RunRow> runs = backend.runs(name, 10);
    runs.forEach(run -> {
      page.raw("<li>");
      OverviewPage.lastRun(page, run);
      page.raw(" <span class=\"muted\">").text(run.trigger() + " · " + Html.time(run.startedAt())).raw("</span></li>");
    });
    page.raw("</ul>");
    if (runs.isEmpty()) {
      page.raw("<p>No runs yet.</p>");
    }
    page.raw("<p>").link("/runs?sync=" + Paths.encode(name), "All runs of this sync").raw("</p>");
  }

  /** {@code /syncs/{name}/plan}: what a run would write now, without writing it. */
  Response plan(Route.Request request) {
    return DryRunPage.render(backend, request);
  }
}
