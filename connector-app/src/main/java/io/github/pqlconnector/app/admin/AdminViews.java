package io.github.pqlconnector.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.state.RunDao.RunRow;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of the admin API. Runs carry their {@code counts} (and, in detail, {@code report}) as embedded
 * JSON, not as escaped strings. Lists and a sync's last run leave the report out: it can be large, and
 * {@code GET /api/runs/{id}} has it.
 */
final class AdminViews {
  record Health(String status, boolean scheduler, boolean stateStore) {}

  record Accepted(String sync, boolean accepted) {}

  record SyncView(String name, String source, String destination, @Nullable String cron, @Nullable Instant nextFire,
      boolean paused, boolean running, @Nullable RunView lastRun, @Nullable String fileCron, boolean cronOverridden,
      long outboxDepth, long throttlesLastHour) {}

  record RunView(long id, String sync, String status, String trigger, Instant startedAt, @Nullable Instant finishedAt,
      @Nullable JsonNode counts, @Nullable String message) {}

  record RunDetailView(long id, String sync, String status, String trigger, Instant startedAt,
      @Nullable Instant finishedAt, @Nullable JsonNode counts, @Nullable JsonNode report, @Nullable String message,
      @Nullable ReconciliationView reconciliation, List<ErrorView> errors) {}

  /** What the run's reconciliation found: records read back, those that differed (queued again), those gone. */
  record ReconciliationView(Instant at, int checked, int drifted, int gone) {}

  /** An entity's verdict history: each change of status or score, when a run decided it. */
  record HistoryView(String level, String id, List<ChangeView> changes) {}

  record ChangeView(Instant at, String status, int score, @Nullable String type, double activationPct, long runId) {}

  record ErrorView(String level, String entityId, String category, String vendorCode, String message) {}

  private final JsonResponses json;

  AdminViews(JsonResponses json) {
    this.json = json;
  }

  static Health health(boolean scheduler, boolean stateStore) {
    return new Health(scheduler && stateStore ? "up" : "down", scheduler, stateStore);
  }

  SyncView sync(SyncStatus s) {
    RunRow last = s.lastRun();
    return new SyncView(s.name(), s.source(), s.destination(), s.cron(), s.nextFire(), s.paused(), s.running(),
        last == null ? null : run(last), s.fileCron(), s.cronOverridden(), s.outboxDepth(), s.throttlesLastHour());
  }

  List<SyncView> syncs(List<SyncStatus> syncs) {
    return syncs.stream().map(this::sync).toList();
  }

  RunView run(RunRow r) {
    return new RunView(r.id(), r.sync(), r.status(), r.trigger(), r.startedAt(), r.finishedAt(),
        json.embedded(r.id(), "counts", r.counts()), r.message());
  }

  List<RunView> runs(List<RunRow> runs) {
    return runs.stream().map(this::run).toList();
  }

  RunDetailView detail(RunDetail detail) {
    RunRow r = detail.run();
    List<ErrorView> errors = detail.errors().stream().map(AdminViews::error).toList();
    return new RunDetailView(r.id(), r.sync(), r.status(), r.trigger(), r.startedAt(), r.finishedAt(),
        json.embedded(r.id(), "counts", r.counts()), json.embedded(r.id(), "report", r.report()), r.message(),
        detail.reconciliation().map(n -> new ReconciliationView(n.at(), n.checked(), n.drifted(), n.gone()))
            .orElse(null), errors);
  }

  HistoryView history(EntityRef entity, List<VerdictHistoryDao.Change> changes) {
    return new HistoryView(entity.level().id(), entity.id(), changes.stream()
        .map(c -> new ChangeView(c.at(), c.status().id(), c.score(), c.verdict().type(), c.verdict().activationPct(),
            c.runId())).toList());
  }

  private static ErrorView error(RecordError e) {
    return new ErrorView(e.entity().level().id(), e.entity().id(), e.category().name(), e.vendorCode(), e.message());
  }
}
