package io.github.pqlconnector.app.admin;

import java.util.List;
import java.util.Map;

/**
 * The console's pages and form actions. Every action is a POST that redirects back to a page (so a reload does
 * not repeat it) with a short note of what was done; pages are GETs that change nothing.
 */
final class ConsolePages {
  private final Router router;

  ConsolePages(AdminBackend backend) {
    OverviewPage overview = new OverviewPage(backend);
    SyncPage sync = new SyncPage(backend);
    SyncActions actions = new SyncActions(backend, sync);
    RunsPage runs = new RunsPage(backend);
    PqlsPage pqls = new PqlsPage(backend);
    ConversionPage conversion = new ConversionPage(backend);
    this.router = new Router(List.of(
        Route.of("GET", "/", overview::render),
        Route.of("GET", "/syncs/{name}", sync::render),
        Route.of("GET", "/syncs/{name}/plan", sync::plan),
        Route.of("POST", "/syncs/{name}/pause", actions::pause),
        Route.of("POST", "/syncs/{name}/resume", actions::resume),
        Route.of("POST", "/syncs/{name}/run", actions::run),
        Route.of("POST", "/syncs/{name}/retry", actions::retry),
        Route.of("POST", "/syncs/{name}/schedule", actions::schedule),
        Route.of("POST", "/syncs/{name}/schedule/reset", actions::resetSchedule),
        Route.of("GET", "/runs", runs::list),
        Route.of("GET", "/runs/{id}", runs::detail),
        Route.of("GET", "/pqls", pqls::list),
        Route.of("GET", "/pqls/{sync}/{level}/{id}", pqls::entity),
        Route.of("GET", "/conversion", conversion::render)));
  }

  Response dispatch(Exchange exchange, Principal principal, Session session) {
    Router.Found found = router.dispatch(exchange, principal, session);
    return found.response().orElseGet(() -> refused(found.allowed().isEmpty() ? 404 : 405,
        found.allowed().isEmpty() ? "There is no such page." : "That page does not take " + exchange.method()));
  }

  /** A small page saying why not (a missing page, a refused change), with a way back. */
  static Response refused(int status, String why) {
    Html body = new Html().raw("<p class=\"error\" role=\"alert\">").text(why)
        .raw("</p><p><a href=\"/\">Back to the overview</a></p>");
    return Layout.html(status, Layout.frame(status == 404 ? "Not found" : "Refused", "", null, null, body));
  }

  /** A short confirmation shown after an action redirected back here. */
  static void note(Html page, Route.Request request, Map<String, String> notes) {
    String done = request.q("done");
    if (done != null && notes.containsKey(done)) {
      page.raw("<p class=\"note\" role=\"status\">").text(notes.get(done)).raw("</p>");
    }
  }
}
