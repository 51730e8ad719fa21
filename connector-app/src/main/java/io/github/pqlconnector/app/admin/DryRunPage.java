package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.sync.PlanResult;
import io.github.pqlconnector.core.sync.RunCounts;

/**
 * {@code /syncs/{name}/plan}: what {@code pql plan} would write now: how many records move between statuses, the
 * first records with their reasons, the tasks it would open. Computing it reads the whole source, so one preview
 * runs at a time per node.
 */
final class DryRunPage {
  static final int FIRST = 25;

  private DryRunPage() {}

  static Response render(AdminBackend backend, Route.Request request) {
    String name = request.param("name");
    PlanPreview plan = backend.plan(name, FIRST);
    return switch (plan.outcome()) {
      case NO_SUCH_SYNC -> ConsolePages.refused(404, "There is no sync named " + name + ".");
      case BUSY -> ConsolePages.refused(409, "Another dry run is being computed; try again in a moment.");
      case FAILED -> ConsolePages.refused(502, "The dry run failed: " + plan.message());
      case DONE -> Layout.page(200, "Dry run of " + name, "Overview", request, body(name, plan));
    };
  }

  private static Html body(String name, PlanPreview plan) {
    Html page = new Html();
    RunCounts counts = plan.counts();
    page.raw("<p>").link("/syncs/" + Paths.encode(name), "Back to " + name).raw("</p><p role=\"status\">")
        .text(String.format("Would write %,d records (%,d unchanged) and open %,d tasks; computed in %.1f s.",
            counts == null ? 0 : counts.changed(), counts == null ? 0 : counts.unchanged(), plan.tasks().size(),
            plan.elapsed().toMillis() / 1000.0)).raw("</p><h2>Status changes</h2>");
    if (plan.transitions().isEmpty()) {
      page.raw("<p>No status would change.</p>");
    } else {
      page.raw("<div class=\"scroll\"><table class=\"transitions\"><thead><tr><th scope=\"col\">From</th>")
          .raw("<th scope=\"col\">To</th><th scope=\"col\">Records</th></tr></thead><tbody>");
      plan.transitions().forEach(t -> page.raw("<tr><td>").badge(t.from()).raw("</td><td>").badge(t.to())
          .raw("</td>").el("td", String.format("%,d", t.count())).raw("</tr>"));
      page.raw("</tbody></table></div>");
    }
    records(page, plan);
    tasks(page, plan);
    return page;
  }

  private static void records(Html page, PlanPreview plan) {
    page.raw("<h2>First records it would write</h2>");
    if (plan.records().isEmpty()) {
      page.raw("<p>None.</p>");
      return;
    }
    page.raw("<div class=\"scroll\"><table class=\"plan-records\"><thead><tr><th scope=\"col\">Record</th>")
        .raw("<th scope=\"col\">From → to</th><th scope=\"col\">Score</th><th scope=\"col\">Type</th>")
        .raw("<th scope=\"col\">Reasons</th></tr></thead><tbody>");
    plan.records().forEach(r -> page.row(r.level() + " " + r.id(), r.from() + " → " + r.to(), r.score(),
        r.type() == null ? "–" : r.type(), String.join("; ", r.reasons())));
    page.raw("</tbody></table></div>");
  }

  private static void tasks(Html page, PlanPreview plan) {
    page.raw("<h2>Tasks it would open</h2>");
    if (plan.tasks().isEmpty()) {
      page.raw("<p>None.</p>");
      return;
    }
    page.raw("<div class=\"scroll\"><table class=\"plan-tasks\"><thead><tr><th scope=\"col\">Record</th>")
        .raw("<th scope=\"col\">Trigger</th><th scope=\"col\">Owner</th><th scope=\"col\">Title</th></tr></thead><tbody>");
    for (PlanResult.Task t : plan.tasks()) {
      page.row(t.entity().level().id() + " " + t.entity().id(), t.trigger(),
          t.owner() == null ? "the record's owner" : t.owner(), t.title());
    }
    page.raw("</tbody></table></div>");
  }
}
