package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.report.ConversionReport;
import io.github.pqlconnector.core.state.EntityQuery;
import io.github.pqlconnector.core.state.ReconciliationDao;
import io.github.pqlconnector.core.state.RunDao.RunRow;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** An in-memory admin backend for testing the HTTP layer; every method is synchronized (server threads call it). */
final class FakeBackend implements AdminBackend {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final Map<String, SyncStatus> syncs = new LinkedHashMap<>();
  private final List<RunRow> runs = new ArrayList<>();
  private final Map<Long, List<RecordError>> errors = new LinkedHashMap<>();
  private final Map<Long, ReconciliationDao.Row> reconciliations = new LinkedHashMap<>();
  private final List<VerdictHistoryDao.Change> history = new ArrayList<>();
  private final List<String> started = new ArrayList<>();
  final List<String> reportsAsked = new ArrayList<>();
  boolean scheduler = true;
  boolean state = true;
  @Nullable RuntimeException failure;
  ReloadOutcome reloadOutcome = new ReloadOutcome(true, List.of(), List.of("new-sync"), List.of(), List.of());
  /** When set, {@link #syncs()} counts this down and then waits for {@link #release} (at most 5 s). */
  @Nullable CountDownLatch entered;
  final CountDownLatch release = new CountDownLatch(1);
  @Nullable String lastRunsSync;
  int lastRunsLimit;

  /** Two syncs: "product-to-hubspot" (one finished run with counts, report and an error) and "csv-export" (none). */
  static FakeBackend withTwoSyncs() {
    FakeBackend backend = new FakeBackend();
    RunRow run = new RunRow(7, "product-to-hubspot", "SCHEDULED", T0, T0.plusSeconds(12), "SUCCEEDED",
        "{\"updated\":3,\"failed\":1}", "{\"phases\":[\"pull\",\"push\"]}", null);
    backend.runs.add(new RunRow(6, "csv-export", "MANUAL", T0.minusSeconds(60), null, "RUNNING", null, null, null));
    backend.runs.add(run);
    backend.errors.put(7L, List.of(new RecordError(EntityRef.user("u1"), ErrorCategory.INVALID_REQUEST,
        "PROPERTY_DOESNT_EXIST", "Property pql_score does not exist")));
    backend.history.add(new VerdictHistoryDao.Change(EntityRef.user("u1"), T0,
        new VerdictHistoryDao.Verdict(PqlStatus.COLD, 20, null, 40), 6));
    backend.history.add(new VerdictHistoryDao.Change(EntityRef.user("u1"), T0.plusSeconds(5),
        new VerdictHistoryDao.Verdict(PqlStatus.PQL, 85, "usage", 100), 7));
    backend.reconciliations.put(7L, new ReconciliationDao.Row("product-to-hubspot", 7, T0.plusSeconds(2), 40, 3, 1));
    backend.syncs.put("product-to-hubspot", new SyncStatus("product-to-hubspot", "product", "hubspot",
        "0 */30 * * * ?", T0.plusSeconds(1800), false, false, run, "0 */30 * * * ?", false, 0, 0));
    backend.syncs.put("csv-export", new SyncStatus("csv-export", "product", "csv", null, null, false, false, null,
        null, false, 0, 0));
    return backend;
  }

  synchronized List<String> started() {
    return List.copyOf(started);
  }

  @Override
  public synchronized boolean schedulerRunning() {
    fail();
    return scheduler;
  }

  @Override
  public synchronized boolean stateReachable() {
    fail();
    return state;
  }

  @Override
  public synchronized List<SyncStatus> syncs() {
    fail();
    if (entered != null) {
      entered.countDown();
      await(release);
    }
    return List.copyOf(syncs.values());
  }

  @Override
  public synchronized Optional<SyncStatus> sync(String name) {
    fail();
    return Optional.ofNullable(syncs.get(name));
  }

  @Override
  public synchronized RunNow runNow(String name) {
    fail();
    if (!syncs.containsKey(name)) {
      return RunNow.NO_SUCH_SYNC;
    }
    if (started.contains(name)) {
      return RunNow.ALREADY_RUNNING;
    }
    started.add(name);
    return RunNow.STARTED;
  }

  /** What each retry asked for: sync name and the records (empty: all). */
  final List<String> retries = new ArrayList<>();
  /** Records that are refused or unmatched, for retries of one record. */
  final List<EntityRef> refused = new ArrayList<>(List.of(EntityRef.user("u1")));

  @Override
  public synchronized RunNow retry(String name, List<EntityRef> records) {
    fail();
    if (!syncs.containsKey(name)) {
      return RunNow.NO_SUCH_SYNC;
    }
    if (started.contains(name)) {
      return RunNow.ALREADY_RUNNING;
    }
    if (!records.isEmpty() && records.stream().noneMatch(refused::contains)) {
      return RunNow.NO_SUCH_RECORD;
    }
    retries.add(name + " " + records);
    started.add(name);
    return RunNow.STARTED;
  }

  @Override
  public synchronized boolean pause(String name) {
    return setPaused(name, true);
  }

  @Override
  public synchronized boolean resume(String name) {
    return setPaused(name, false);
  }

  @Override
  public synchronized List<RunRow> runs(@Nullable String sync, int limit) {
    fail();
    lastRunsSync = sync;
    lastRunsLimit = limit;
    return runs.stream().filter(r -> sync == null || r.sync().equals(sync))
        .sorted(Comparator.comparingLong(RunRow::id).reversed()).limit(limit).toList();
  }

  @Override
  public synchronized Optional<RunDetail> run(long id) {
    fail();
    return runs.stream().filter(r -> r.id() == id).findFirst()
        .map(r -> new RunDetail(r, errors.getOrDefault(id, List.of()), Optional.ofNullable(reconciliations.get(id))));
  }

  @Override
  public synchronized Optional<ConversionReport> report(String sync, Duration since, Duration horizon) {
    fail();
    reportsAsked.add(since.toDays() + "d/" + horizon.toDays() + "d");
    return syncs.containsKey(sync) ? Optional.of(new ConversionReport(sync, "verdict history", T0, T0, (int) horizon.toDays(),
        List.of())) : Optional.empty();
  }

  @Override
  public synchronized Optional<List<VerdictHistoryDao.Change>> history(String sync, EntityRef entity) {
    fail();
    if (!syncs.containsKey(sync)) {
      return Optional.empty();
    }
    return Optional.of(history.stream().filter(c -> c.entity().equals(entity)).toList());
  }

  @Override
  public synchronized ReloadOutcome reload() {
    fail();
    return reloadOutcome;
  }

  @Override
  public synchronized PlanPreview plan(String sync, int firstN) {
    fail();
    return PlanPreview.of(syncs.containsKey(sync) ? PlanPreview.Outcome.BUSY : PlanPreview.Outcome.NO_SUCH_SYNC);
  }

  @Override
  public synchronized List<RunRow> runs(RunFilter filter) {
    fail();
    return runs.stream().filter(r -> filter.sync() == null || r.sync().equals(filter.sync()))
        .filter(r -> filter.status() == null || r.status().equals(filter.status()))
        .sorted(Comparator.comparingLong(RunRow::id).reversed()).limit(filter.limit()).toList();
  }

  @Override
  public synchronized List<DestinationHealth> destinations() {
    fail();
    return List.of();
  }

  @Override
  public synchronized CronEdit setCron(String sync, String cron, String by) {
    fail();
    return editCron(sync, cron, true);
  }

  @Override
  public synchronized CronEdit clearCron(String sync, String by) {
    fail();
    SyncStatus s = syncs.get(sync);
    return editCron(sync, s == null ? null : s.fileCron(), false);
  }

  private CronEdit editCron(String name, @Nullable String cron, boolean overridden) {
    SyncStatus s = syncs.get(name);
    if (s == null) {
      return new CronEdit(CronEdit.Outcome.NO_SUCH_SYNC, "no sync named '" + name + "'");
    }
    syncs.put(name, new SyncStatus(s.name(), s.source(), s.destination(), cron, s.nextFire(), s.paused(), s.running(),
        s.lastRun(), s.fileCron(), overridden, s.outboxDepth(), s.throttlesLastHour()));
    return new CronEdit(CronEdit.Outcome.CHANGED, null);
  }

  private boolean setPaused(String name, boolean paused) {
    fail();
    SyncStatus s = syncs.get(name);
    if (s == null) {
      return false;
    }
    syncs.put(name, new SyncStatus(s.name(), s.source(), s.destination(), s.cron(), paused ? null : s.nextFire(),
        paused, s.running(), s.lastRun(), s.fileCron(), s.cronOverridden(), s.outboxDepth(), s.throttlesLastHour()));
    return true;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void fail() {
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public EntityPage entities(EntityQuery query) {
    return new EntityPage(List.of(), 0, List.of(), List.of());
  }

  @Override
  public Optional<EntityDetail> entity(String sync, EntityRef ref) {
    return Optional.empty();
  }

  @Override
  public CronPreview previewCron(String cron, int fires) {
    return io.github.pqlconnector.app.scheduler.CronOverrides.preview(cron, fires, java.time.Instant.now());
  }
}
