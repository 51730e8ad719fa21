package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.app.admin.AdminViews.Accepted;
import io.github.pqlconnector.core.config.Durations;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What each admin endpoint does: asks the backend and turns the answer into a response. */
final class AdminEndpoints {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private final AdminBackend backend;
  private final PrometheusMeterRegistry metrics;
  private final JsonResponses json;
  private final AdminViews views;

  AdminEndpoints(AdminBackend backend, PrometheusMeterRegistry metrics, JsonResponses json) {
    this.backend = backend;
    this.metrics = metrics;
    this.json = json;
    this.views = new AdminViews(json);
  }

  Response health() {
    AdminViews.Health health = AdminViews.health(backend.schedulerRunning(), backend.stateReachable());
    return json.json("up".equals(health.status()) ? 200 : 503, health);
  }

  Response syncs() {
    return json.json(200, views.syncs(backend.syncs()));
  }

  Response sync(String name) {
    return found(name, backend.sync(name));
  }

  Response runNow(String name) {
    return started(name, backend.runNow(name), null);
  }

  /** {@code POST /api/syncs/{name}/retry[?record=ID[&level=user|account]]}: answers like {@code /run}. */
  Response retry(String name, @Nullable String record, @Nullable String level) {
    if (level != null && record == null) {
      throw new BadRequest("level needs record");
    }
    EntityLevel parsed = level == null ? null : level(level);
    List<EntityRef> records = record == null ? List.of() : parsed != null ? List.of(new EntityRef(parsed, record))
        : Arrays.stream(EntityLevel.values()).map(l -> new EntityRef(l, record)).toList();
    return started(name, backend.retry(name, records), record);
  }

  private Response started(String name, AdminBackend.RunNow outcome, @Nullable String record) {
    return switch (outcome) {
      case STARTED -> json.json(202, new Accepted(name, true));
      case ALREADY_RUNNING -> json.error(409, "sync '" + name + "' is already running; see /api/syncs/" + name
          + " and ask again once it has finished");
      case NO_SUCH_SYNC -> noSync(name);
      case NO_SUCH_RECORD -> json.error(404, "no refused or unmatched record '" + record + "' in sync '" + name + "'");
    };
  }

  private static EntityLevel level(String text) {
    try {
      return EntityLevel.fromId(text.strip());
    } catch (IllegalArgumentException e) {
      throw new BadRequest("level must be user or account");
    }
  }

  Response pause(String name) {
    return backend.pause(name) ? found(name, backend.sync(name)) : noSync(name);
  }

  Response resume(String name) {
    return backend.resume(name) ? found(name, backend.sync(name)) : noSync(name);
  }

  /** {@code GET /api/runs?sync=&status=&from=&to=&limit=}: newest first; from and to are whole UTC days. */
  Response runs(Route.Request r) {
    RunFilter filter = new RunFilter(r.q("sync"), r.q("status"), day("from", r.q("from")), day("to", r.q("to")),
        limit(r.query().get("limit")));
    return json.json(200, views.runs(filter.status() == null && filter.from() == null && filter.to() == null
        ? backend.runs(filter.sync(), filter.limit()) : backend.runs(filter)));
  }

  /** {@code POST /api/syncs/{name}/schedule} with {@code cron}: overrides the file's cron until reset. */
  Response setCron(Route.Request r) {
    String cron = r.form().getOrDefault("cron", r.query().get("cron"));
    if (cron == null || cron.isBlank()) {
      throw new BadRequest("cron is required, e.g. cron=0 */30 * * * ?");
    }
    return cronEdit(r.param("name"), backend.setCron(r.param("name"), cron.strip(), r.principal().name()));
  }

  /** {@code DELETE /api/syncs/{name}/schedule}: back to the file's cron. */
  Response clearCron(Route.Request r) {
    return cronEdit(r.param("name"), backend.clearCron(r.param("name"), r.principal().name()));
  }

  private Response cronEdit(String name, AdminBackend.CronEdit edit) {
    return switch (edit.outcome()) {
      case CHANGED -> found(name, backend.sync(name));
      case INVALID -> json.error(422, String.valueOf(edit.message()));
      case NO_SUCH_SYNC -> noSync(name);
    };
  }

  /** {@code GET /api/syncs/{name}/plan}: the dry run, as the console shows it. */
  Response plan(String name) {
    PlanPreview plan = backend.plan(name, 50);
    return switch (plan.outcome()) {
      case DONE -> json.json(200, plan);
      case NO_SUCH_SYNC -> noSync(name);
      case BUSY -> json.error(409, "another dry run is being computed; ask again in a moment");
      case FAILED -> json.error(502, "the dry run failed: " + plan.message());
    };
  }

  Response destinations() {
    return json.json(200, backend.destinations());
  }

  private static @Nullable LocalDate day(String parameter, @Nullable String value) {
    try {
      return value == null ? null : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequest(parameter + " must be a day such as 2026-12-01, got '" + value + "'");
    }
  }

  Response run(String id) {
    long runId;
    try {
      runId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new BadRequest("run id must be a number");
    }
    return backend.run(runId).map(detail -> json.json(200, views.detail(detail)))
        .orElseGet(() -> json.error(404, "no run with id " + runId));
  }

  /** {@code GET /api/syncs/{name}/history/{level}/{id}}: the entity's verdict changes, oldest first. */
  Response history(String name, String level, String id) {
    EntityRef entity = new EntityRef(level(level), id);
    return backend.history(name, entity).map(changes -> json.json(200, views.history(entity, changes)))
        .orElseGet(() -> noSync(name));
  }

  /** {@code GET /api/syncs/{name}/report?since=90d&horizon=90d}: the live conversion report, as {@code pql report -o json}. */
  Response report(String name, @Nullable String since, @Nullable String horizon) {
    return backend.report(name, days("since", since), days("horizon", horizon))
        .map(report -> json.json(200, report)).orElseGet(() -> noSync(name));
  }

  private static Duration days(String parameter, @Nullable String value) {
    if (value == null) {
      return Duration.ofDays(90);
    }
    return Durations.parse(value).filter(d -> d.toDays() > 0 && d.toSeconds() % 86_400 == 0)
        .orElseThrow(() -> new BadRequest(parameter + " must be a number of days such as 90d, got '" + value + "'"));
  }

  Response reload() {
    ReloadOutcome outcome = backend.reload();
    return json.json(outcome.applied() ? 200 : 422, outcome);
  }

  Response metrics() {
    return JsonResponses.text(200, JsonResponses.PROMETHEUS_TEXT, metrics.scrape());
  }

  private Response found(String name, Optional<SyncStatus> sync) {
    return sync.map(s -> json.json(200, views.sync(s))).orElseGet(() -> noSync(name));
  }

  private Response noSync(String name) {
    return json.error(404, "no sync named '" + name + "'");
  }

  static int limit(@Nullable String text) {
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below, like a number out of range
    }
    throw new BadRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
  }
}
