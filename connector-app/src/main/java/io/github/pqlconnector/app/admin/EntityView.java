package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.engine.Numbers;
import io.github.pqlconnector.core.state.TaskDao;
import io.github.pqlconnector.core.state.VerdictHistoryDao;

/**
 * One entity as {@code pql explain} shows it: status and score, every metric, fit rules and signals met and missed
 * with their numbers, the reasons as written to the CRM, traits with their source; then its verdict history, the
 * tasks opened for it, and a link to the CRM record.
 */
final class EntityView {
  private EntityView() {}

  static Html render(String sync, EntityDetail detail) {
    EntityDetail.Explanation x = detail.explanation();
    Html page = new Html();
    page.raw("<dl class=\"facts\"><dt>Status</dt><dd>").badge(x.status().id()).raw("</dd><dt>Score</dt>")
        .el("dd", x.score()).raw("<dt>Signal type</dt>").el("dd", x.type() == null ? "–" : x.type())
        .raw("<dt>PQL since</dt>").el("dd", Html.time(x.qualifiedAt())).raw("<dt>Sync</dt>").el("dd", sync);
    if (detail.crmUrl() != null) {
      page.raw("<dt>CRM record</dt><dd>").raw("<a rel=\"noreferrer\" target=\"_blank\" href=\"").text(detail.crmUrl())
          .raw("\">Open in the CRM</a></dd>");
    }
    page.raw("</dl><h2>Reasons written to the CRM</h2><ul class=\"reasons\">");
    x.reasons().forEach(r -> page.el("li", r));
    page.raw("</ul>");
    rules(page, x);
    page.raw("<h2>Metrics</h2><div class=\"scroll\"><table class=\"metrics\"><tbody>");
    x.metrics().forEach((name, value) -> page.row(name, Numbers.format(value)));
    page.raw("</tbody></table></div><h2>Traits</h2><div class=\"scroll\"><table class=\"traits\"><thead><tr>")
        .raw("<th scope=\"col\">Trait</th><th scope=\"col\">Value</th><th scope=\"col\">From</th></tr></thead><tbody>");
    x.traits().forEach(t -> page.row(t.name(), t.value(), t.origin() == null ? "–" : t.origin()));
    page.raw("</tbody></table></div>");
    history(page, detail);
    tasks(page, detail);
    return page;
  }

  private static void rules(Html page, EntityDetail.Explanation x) {
    page.raw("<h2>Fit</h2><ul class=\"rules\">");
    if (x.fit().isEmpty()) {
      page.raw("<li>No fit rules.</li>");
    }
    x.fit().forEach(f -> page.raw("<li>").badge(f.passed() ? "met" : "failed").raw(" ")
        .text(f.explanation() + (f.accountRule() ? " (account rule)" : "")).raw("</li>"));
    page.raw("</ul><h2>Signals</h2><ul class=\"rules signals\">");
    x.signals().forEach(s -> page.raw("<li>").badge(s.fired() ? "met" : "missed").raw(" ")
        .text(s.explanation() + (s.fired() ? " (+" + s.points() + ")" : "")).raw("</li>"));
    page.raw("</ul>");
  }

  private static void history(Html page, EntityDetail detail) {
    page.raw("<h2>Verdict history</h2>");
    if (detail.history().isEmpty()) {
      page.raw("<p>No run has decided this entity yet.</p>");
      return;
    }
    page.raw("<div class=\"scroll\"><table class=\"history\"><thead><tr><th scope=\"col\">When</th>")
        .raw("<th scope=\"col\">Status</th><th scope=\"col\">Score</th><th scope=\"col\">Run</th></tr></thead><tbody>");
    for (VerdictHistoryDao.Change c : detail.history()) {
      page.raw("<tr>").el("td", Html.time(c.at())).raw("<td>").badge(c.status().id()).raw("</td>")
          .el("td", c.score()).raw("<td>");
      if (c.runId() > 0) {
        page.link("/runs/" + c.runId(), "#" + c.runId());
      } else {
        page.text("replayed history");
      }
      page.raw("</td></tr>");
    }
    page.raw("</tbody></table></div>");
  }

  private static void tasks(Html page, EntityDetail detail) {
    page.raw("<h2>Tasks opened</h2>");
    if (detail.tasks().isEmpty()) {
      page.raw("<p>None.</p>");
      return;
    }
    page.raw("<div class=\"scroll\"><table class=\"tasks\"><thead><tr><th scope=\"col\">Trigger</th>")
        .raw("<th scope=\"col\">State</th><th scope=\"col\">CRM task</th><th scope=\"col\">Queued</th>")
        .raw("<th scope=\"col\">Last error</th></tr></thead><tbody>");
    for (TaskDao.Opened t : detail.tasks()) {
      page.raw("<tr>").el("td", t.trigger()).raw("<td>").badge(t.state().name()).raw("</td>")
          .el("td", t.taskId() == null ? "–" : t.taskId()).el("td", Html.time(t.createdAt()))
          .el("td", t.lastError() == null ? "" : t.lastError()).raw("</tr>");
    }
    page.raw("</tbody></table></div>");
  }
}
