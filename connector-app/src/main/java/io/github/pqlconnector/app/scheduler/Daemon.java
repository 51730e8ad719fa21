package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.app.admin.AdminBackend;
import io.github.pqlconnector.app.admin.CronPreview;
import io.github.pqlconnector.app.admin.DestinationHealth;
import io.github.pqlconnector.app.admin.EntityDetail;
import io.github.pqlconnector.app.admin.EntityPage;
import io.github.pqlconnector.app.admin.PlanPreview;
import io.github.pqlconnector.app.admin.ReloadOutcome;
import io.github.pqlconnector.app.admin.RunDetail;
import io.github.pqlconnector.app.admin.RunFilter;
import io.github.pqlconnector.app.admin.SyncStatus;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.config.SyncConfig;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.report.ConversionReport;
import io.github.pqlconnector.core.report.LiveReport;
import io.github.pqlconnector.core.state.EntityQuery;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.RecentThrottles;
import io.github.pqlconnector.core.sync.Retries;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pql serve} as the admin API sees it: the scheduler, the run history, and reloading the config file
 * (on SIGHUP or {@code POST /api/reload}). An invalid new file changes nothing; the old schedules keep running.
 */
public final class Daemon implements AdminBackend {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);

  private final StateStore store;
  private final SchedulerService scheduler;
  private final @Nullable PlanPreviews previews;
  private final @Nullable DestinationMonitor destinations;
  private final CronOverrides crons;
  private final SyncStatuses statuses;
  private final EntityPages entities;
  private final RunHistory history;
  private final ConfigReload reload;

  /** Without plan previews (each one FAILED) and destination checks (every destination unknown). */
  public Daemon(Path configFile, ConfigLoader loader, StateStore store, SchedulerService scheduler) {
    this(configFile, loader, store, scheduler, null, null, null);
  }

  /** Entity pages evaluate with {@code connectors} (null: the installed plugins, made when first needed). */
  public Daemon(Path configFile, ConfigLoader loader, StateStore store, SchedulerService scheduler,
      @Nullable PlanPreviews previews, @Nullable DestinationMonitor destinations, @Nullable Connectors connectors) {
    this.store = store;
    this.scheduler = scheduler;
    this.previews = previews;
    this.destinations = destinations;
    this.crons = new CronOverrides(store, scheduler, Clock.systemUTC());
    this.statuses = new SyncStatuses(store, scheduler, RecentThrottles.ofThisProcess());
    this.entities = new EntityPages(store, scheduler::config,
        connectors == null ? EntityPages.installed(store) : () -> connectors.withState(store));
    this.history = new RunHistory(store);
    this.reload = new ConfigReload(configFile, loader, scheduler);
  }

  @Override
  public boolean schedulerRunning() {
    return scheduler.isRunning();
  }

  @Override
  public boolean stateReachable() {
    return store.isReachable();
  }

  @Override
  public List<SyncStatus> syncs() {
    return scheduler.config().syncs().stream().map(this::status).toList();
  }

  @Override
  public Optional<SyncStatus> sync(String name) {
    return scheduler.config().sync(name).map(this::status);
  }

  @Override
  public RunNow runNow(String name) {
    Optional<RunNow> refused = cannotStart(name);
    return refused.isPresent() ? refused.get()
        : quartz(() -> scheduler.runNow(name)) ? RunNow.STARTED : RunNow.NO_SUCH_SYNC;
  }

  @Override
  public RunNow retry(String name, List<EntityRef> records) {
    Optional<RunNow> refused = cannotStart(name);
    if (refused.isPresent()) {
      return refused.get();
    }
    int due = Retries.makeDue(store, name, records);
    if (!records.isEmpty() && due == 0) {
      return RunNow.NO_SUCH_RECORD;
    }
    log.info("retry of {} asked for: {} refused or unmatched rows made due", name, due);
    return quartz(() -> scheduler.retryNow(name)) ? RunNow.STARTED : RunNow.NO_SUCH_SYNC;
  }

  @Override
  public boolean pause(String name) {
    return quartz(() -> scheduler.pause(name, true));
  }

  @Override
  public boolean resume(String name) {
    return quartz(() -> scheduler.pause(name, false));
  }

  @Override
  public List<RunDao.RunRow> runs(String sync, int limit) {
    return history.runs(sync, limit);
  }

  @Override
  public Optional<RunDetail> run(long id) {
    return history.run(id);
  }

  @Override
  public Optional<List<VerdictHistoryDao.Change>> history(String sync, EntityRef entity) {
    if (scheduler.config().sync(sync).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(history.verdicts(sync, entity));
  }

  @Override
  public Optional<ConversionReport> report(String sync, Duration since, Duration horizon) {
    PqlConfig config = scheduler.config();
    return config.sync(sync).map(s -> LiveReport.of(store, s.name(), Instant.now(), since, horizon,
        config.model().levels()));
  }

  @Override
  public EntityPage entities(EntityQuery query) {
    return entities.entities(query);
  }

  @Override
  public Optional<EntityDetail> entity(String sync, EntityRef ref) {
    return entities.entity(sync, ref);
  }

  @Override
  public ReloadOutcome reload() {
    return reload.reload();
  }

  @Override
  public PlanPreview plan(String sync, int firstN) {
    return previews != null ? previews.plan(sync, firstN)
        : PlanPreview.failed("dry runs are not set up on this daemon", Duration.ZERO);
  }

  @Override
  public List<RunDao.RunRow> runs(RunFilter filter) {
    return history.runs(filter);
  }

  @Override
  public List<DestinationHealth> destinations() {
    return destinations != null ? destinations.health() : DestinationMonitor.unchecked(scheduler.config());
  }

  @Override
  public CronPreview previewCron(String cron, int fires) {
    return CronOverrides.preview(cron, fires, Instant.now());
  }

  @Override
  public CronEdit setCron(String sync, String cron, String by) {
    return crons.set(sync, cron, by);
  }

  @Override
  public CronEdit clearCron(String sync, String by) {
    return crons.clear(sync, by);
  }

  /** Why a run of the sync cannot start now, if it cannot: no such sync, or one is running. */
  private Optional<RunNow> cannotStart(String name) {
    Optional<SyncConfig> sync = scheduler.config().sync(name);
    if (sync.isEmpty()) {
      return Optional.of(RunNow.NO_SUCH_SYNC);
    }
    return status(sync.get()).running() ? Optional.of(RunNow.ALREADY_RUNNING) : Optional.empty();
  }

  private SyncStatus status(SyncConfig sync) {
    return quartz(() -> statuses.of(sync));
  }

  private interface QuartzCall<T> {
    T call() throws SchedulerException;
  }

  private static <T> T quartz(QuartzCall<T> call) {
    try {
      return call.call();
    } catch (SchedulerException e) {
      throw new IllegalStateException("scheduler: " + e.getMessage(), e);
    }
  }
}
