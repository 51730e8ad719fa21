package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.state.RunDao.RunRow;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin API's JSON for the command line's {@code -o json}: a run, a dry run or an entity's history has one shape,
 * whether a script asks {@code pql serve} over HTTP or runs {@code pql} itself.
 */
public final class ApiJson {
  private static final JsonResponses JSON = new JsonResponses();
  private static final AdminViews VIEWS = new AdminViews(JSON);

  /** How {@code pql explain -o json} shows one entity: its explanation and its verdict history, oldest first. */
  record ExplainedView(String level, String id, EntityDetail.Explanation explanation,
      List<AdminViews.ChangeView> history) {}

  private ApiJson() {}

  /** As {@code GET /api/runs}. */
  public static String runs(List<RunRow> runs) {
    return JSON.pretty(VIEWS.runs(runs));
  }

  /** As {@code GET /api/runs/{id}}. */
  public static String run(RunDetail detail) {
    return JSON.pretty(VIEWS.detail(detail));
  }

  /** As {@code GET /api/syncs/{name}/plan}. */
  public static String plan(PlanPreview plan) {
    return JSON.pretty(plan);
  }

  /** Entities with their explanation and history ({@code changes} in the same order). */
  public static String explained(List<EntityRef> entities, List<EntityDetail.Explanation> explanations,
      List<List<VerdictHistoryDao.Change>> changes) {
    List<ExplainedView> views = new ArrayList<>();
    for (int i = 0; i < entities.size(); i++) {
      EntityRef entity = entities.get(i);
      views.add(new ExplainedView(entity.level().id(), entity.id(), explanations.get(i),
          VIEWS.history(entity, changes.get(i)).changes()));
    }
    return JSON.pretty(views);
  }

  /** Any other value, with the API's conventions (ISO-8601 instants). */
  public static String of(Object value) {
    return JSON.pretty(value);
  }
}
