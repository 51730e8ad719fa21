package io.github.pqlconnector.app.admin;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's changes to a sync. Each has passed the CSRF and operator checks before it gets here, is logged
 * with who made it, and redirects back to a page that says what was done.
 */
final class SyncActions {
  private static final Logger log = LoggerFactory.getLogger(SyncActions.class);
  private final AdminBackend backend;
  private final SyncPage page;

  SyncActions(AdminBackend backend, SyncPage page) {
    this.backend = backend;
    this.page = page;
  }

  Response pause(Route.Request request) {
    return done(request, backend.pause(request.param("name")), "paused");
  }

  Response resume(Route.Request request) {
    return done(request, backend.resume(request.param("name")), "resumed");
  }

  Response run(Route.Request request) {
    return started(request, backend.runNow(request.param("name")), "/syncs/" + Paths.encode(request.param("name"))
        + "?done=run");
  }

  /** Makes the sync's refused and unmatched records due now and starts a run; back to the run it came from. */
  Response retry(Route.Request request) {
    String from = request.form().get("from");
    String back = from != null && from.matches("\\d{1,18}") ? "/runs/" + from + "?done=retry"
        : "/syncs/" + Paths.encode(request.param("name")) + "?done=run";
    return started(request, backend.retry(request.param("name"), List.of()), back);
  }

  /** Previews the entered cron, or saves it as the sync's schedule when it is valid and "save" was pressed. */
  Response schedule(Route.Request request) {
    String cron = request.form().getOrDefault("cron", "").strip();
    CronPreview preview = backend.previewCron(cron, SyncPage.FIRES);
    if (!"save".equals(request.form().get("intent")) || !preview.valid()) {
      return page.page(request, cron, preview, preview.valid() ? 200 : 422);
    }
    AdminBackend.CronEdit edit = backend.setCron(request.param("name"), cron, request.principal().name());
    return switch (edit.outcome()) {
      case CHANGED -> redirect(request, "schedule");
      case INVALID -> page.page(request, cron, CronPreview.invalid(String.valueOf(edit.message())), 422);
      case NO_SUCH_SYNC -> noSync(request);
    };
  }

  Response resetSchedule(Route.Request request) {
    AdminBackend.CronEdit edit = backend.clearCron(request.param("name"), request.principal().name());
    return edit.outcome() == AdminBackend.CronEdit.Outcome.NO_SUCH_SYNC ? noSync(request) : redirect(request, "reset");
  }

  private Response done(Route.Request request, boolean found, String what) {
    if (!found) {
      return noSync(request);
    }
    log.info("{} {} sync {} from the console", request.principal().name(), what, request.param("name"));
    return redirect(request, what);
  }

  private Response started(Route.Request request, AdminBackend.RunNow outcome, String back) {
    return switch (outcome) {
      case STARTED -> {
        log.info("{} started a run of {} from the console", request.principal().name(), request.param("name"));
        yield Layout.redirect(back);
      }
      case ALREADY_RUNNING -> ConsolePages.refused(409, "Sync " + request.param("name")
          + " is already running; wait for it to finish.");
      case NO_SUCH_SYNC, NO_SUCH_RECORD -> noSync(request);
    };
  }

  private static Response redirect(Route.Request request, String done) {
    return Layout.redirect("/syncs/" + Paths.encode(request.param("name")) + "?done=" + done);
  }

  private static Response noSync(Route.Request request) {
    return ConsolePages.refused(404, "There is no sync named " + request.param("name") + ".");
  }
}
