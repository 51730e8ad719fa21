package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.state.EntityDirectoryDao.Row;
import io.github.pqlconnector.core.state.EntityQuery;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code /pqls}: a sync's users and accounts filtered by status, level, signal type and owner, searched by email,
 * domain or id, sorted by score or by when they qualified, {@value #PAGE} to a page. Each links to its own page.
 */
final class PqlsPage {
  static final int PAGE = 50;
  private static final List<String> STATUSES = Arrays.stream(PqlStatus.values()).map(PqlStatus::id).toList();
  private static final List<String> LEVELS = Arrays.stream(EntityLevel.values()).map(EntityLevel::id).toList();
  private final AdminBackend backend;

  PqlsPage(AdminBackend backend) {
    this.backend = backend;
  }

  Response list(Route.Request request) {
    List<String> syncs = backend.syncs().stream().map(SyncStatus::name).toList();
    if (syncs.isEmpty()) {
      return Layout.page(200, "PQLs", "PQLs", request, new Html().raw("<p>No syncs are configured.</p>"));
    }
    String sync = request.q("sync") != null ? request.q("sync") : syncs.get(0);
    int pageNo = Math.max(0, number(request.q("page")));
    EntityQuery query = new EntityQuery(sync, parse(request.q("status"), PqlStatus::fromId),
        parse(request.q("level"), EntityLevel::fromId), request.q("type"), request.q("owner"), request.q("q"),
        "qualified".equals(request.q("sort")) ? EntityQuery.Sort.QUALIFIED_AT : EntityQuery.Sort.SCORE,
        pageNo * PAGE, PAGE);
    EntityPage found = backend.entities(query);
    Html page = new Html();
    filters(page, request, syncs, sync, found);
    page.raw("<p role=\"status\">").text(String.format("%,d match", found.total())).raw("</p>");
    table(page, sync, found.rows());
    pager(page, request, pageNo, found.total());
    return Layout.page(200, "PQLs", "PQLs", request, page);
  }

  private static void filters(Html page, Route.Request request, List<String> syncs, String sync, EntityPage found) {
    page.raw("<form method=\"get\" action=\"/pqls\" class=\"filters\" role=\"search\">")
        .select("sync", "Sync", sync, syncs).select("status", "Status", request.q("status"), STATUSES)
        .select("level", "Level", request.q("level"), LEVELS).select("type", "Signal type", request.q("type"),
            found.types()).select("owner", "Owner", request.q("owner"), found.owners())
        .input("q", "Email, domain or id", request.q("q"), "type=\"search\"")
        .raw("<div class=\"field\"><label for=\"sort\">Sort by</label><select id=\"sort\" name=\"sort\">")
        .raw("<option value=\"score\">score</option><option value=\"qualified\"")
        .raw("qualified".equals(request.q("sort")) ? " selected" : "").raw(">qualified at</option></select></div>")
        .raw("<button type=\"submit\">Show</button></form>");
  }

  private static void table(Html page, String sync, List<Row> rows) {
    page.raw("<div class=\"scroll\"><table class=\"pqls\"><thead><tr><th scope=\"col\">Entity</th>")
        .raw("<th scope=\"col\">Status</th><th scope=\"col\">Score</th><th scope=\"col\">Type</th>")
        .raw("<th scope=\"col\">Owner</th><th scope=\"col\">Email / domain</th><th scope=\"col\">Qualified at</th>")
        .raw("</tr></thead><tbody>");
    for (Row row : rows) {
      EntityRef e = row.entity();
      page.raw("<tr><td>").link("/pqls/" + Paths.encode(sync) + "/" + e.level().id() + "/" + Paths.encode(e.id()),
          e.level().id() + " " + e.id()).raw("</td><td>").badge(row.status().id()).raw("</td>")
          .el("td", row.score()).el("td", dash(row.type())).el("td", dash(row.owner()))
          .el("td", dash(row.email() != null ? row.email() : row.domain())).el("td", Html.time(row.qualifiedAt()))
          .raw("</tr>");
    }
    page.raw("</tbody></table></div>");
    if (rows.isEmpty()) {
      page.raw("<p>No users or accounts match. A sync's entities appear here after its first run.</p>");
    }
  }

  private static void pager(Html page, Route.Request request, int pageNo, long total) {
    page.raw("<nav class=\"pager\" aria-label=\"Pages\">");
    if (pageNo > 0) {
      page.link(withPage(request, pageNo - 1), "← Previous");
    }
    if ((long) (pageNo + 1) * PAGE < total) {
      page.link(withPage(request, pageNo + 1), "Next →");
    }
    page.raw("</nav>");
  }

  private static String withPage(Route.Request request, int pageNo) {
    StringBuilder href = new StringBuilder("/pqls?page=" + pageNo);
    for (String key : List.of("sync", "status", "level", "type", "owner", "q", "sort")) {
      String value = request.q(key);
      if (value != null) {
        href.append('&').append(key).append('=').append(Paths.encode(value));
      }
    }
    return href.toString();
  }

  /** {@code /pqls/{sync}/{level}/{id}}: the entity's page. */
  Response entity(Route.Request request) {
    EntityLevel level = parse(request.param("level"), EntityLevel::fromId);
    String sync = request.param("sync");
    Optional<EntityDetail> detail = level == null ? Optional.empty()
        : backend.entity(sync, new EntityRef(level, request.param("id")));
    if (detail.isEmpty()) {
      return ConsolePages.refused(404, "No " + request.param("level") + " " + request.param("id") + " in sync "
          + sync + ".");
    }
    return Layout.page(200, detail.get().entity().level().id() + " " + detail.get().entity().id(), "PQLs", request,
        EntityView.render(sync, detail.get()));
  }

  private static String dash(@Nullable String value) {
    return value == null || value.isBlank() ? "–" : value;
  }

  private static int number(@Nullable String text) {
    try {
      return text == null ? 0 : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static <T> @Nullable T parse(@Nullable String text, java.util.function.Function<String, T> parser) {
    try {
      return text == null ? null : parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("unknown value '" + text + "'");
    }
  }
}
