package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.config.SyncConfig;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Progress;
import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.sync.RunTrigger;
import io.github.pqlconnector.core.sync.SyncRunner;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz with one durable job per sync and a cron trigger from its {@code cron} (or its override in the state
 * database), on the JDBC job store in the state database. Schedules survive restarts; on PostgreSQL with
 * {@code cluster: true} several nodes share them and each fire runs on exactly one node. Misfires after downtime
 * run once ("fire and proceed").
 */
public final class SchedulerService implements AutoCloseable {
  static final String GROUP = "syncs";
  private static final Logger log = LoggerFactory.getLogger(SchedulerService.class);

  private final StateStore store;
  private final StateConfig state;
  private final SchedulerSettings settings;
  private final Function<PqlConfig, SyncRunner> runners;
  private final Consumer<RunSummary> onRun;
  private final AtomicReference<SyncRunner> runner = new AtomicReference<>();
  private final MisfireTracker misfires = new MisfireTracker();
  private volatile PqlConfig config;
  private Scheduler scheduler;

  public SchedulerService(StateStore store, StateConfig state, SchedulerSettings settings,
      Function<PqlConfig, SyncRunner> runners, Consumer<RunSummary> onRun) {
    this.store = store;
    this.state = state;
    this.settings = settings;
    this.runners = runners;
    this.onRun = onRun;
  }

  public void start(PqlConfig initial) throws SchedulerException {
    QuartzSetup.createTables(store, state);
    scheduler = new StdSchedulerFactory(QuartzSetup.properties(store, state, settings)).getScheduler();
    scheduler.setJobFactory((bundle, s) -> new SyncJob(this::runOnce, misfires::take));
    scheduler.getListenerManager().addTriggerListener(misfires);
    apply(initial);
    scheduler.start();
  }

  /**
   * Makes the schedules match {@code next} and the cron overrides in the state database: adds, removes and
   * re-times jobs; returns what changed.
   */
  public synchronized ScheduleChanges apply(PqlConfig next) throws SchedulerException {
    ScheduleChanges changes = reconcile(next);
    runner.set(runners.apply(next));
    config = next;
    return changes;
  }

  /** Re-times the current config's syncs after a cron override was set or cleared. */
  public synchronized ScheduleChanges retime() throws SchedulerException {
    return reconcile(config);
  }

  private ScheduleChanges reconcile(PqlConfig next) throws SchedulerException {
    Map<String, @Nullable String> crons = store.write(c -> EffectiveCrons.of(c, next.syncs(), Instant.now()));
    return new ScheduleReconciler(scheduler).reconcile(next.syncs(), crons);
  }

  public PqlConfig config() {
    return config;
  }

  public Scheduler quartz() {
    return scheduler;
  }

  public boolean isRunning() {
    try {
      return scheduler != null && scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
    } catch (SchedulerException e) {
      return false;
    }
  }

  public boolean runNow(String sync) throws SchedulerException {
    JobKey key = JobKey.jobKey(sync, GROUP);
    if (!scheduler.checkExists(key)) {
      return false;
    }
    scheduler.triggerJob(key, new JobDataMap(Map.of(SyncJob.MANUAL, "true")));
    return true;
  }

  /** Fires the sync now as a retry (trigger RETRY); the caller made the refused and unmatched rows due. */
  public boolean retryNow(String sync) throws SchedulerException {
    JobKey key = JobKey.jobKey(sync, GROUP);
    if (!scheduler.checkExists(key)) {
      return false;
    }
    scheduler.triggerJob(key, new JobDataMap(Map.of(SyncJob.RETRY, "true")));
    return true;
  }

  public boolean pause(String sync, boolean paused) throws SchedulerException {
    JobKey key = JobKey.jobKey(sync, GROUP);
    if (!scheduler.checkExists(key)) {
      return false;
    }
    if (paused) {
      scheduler.pauseJob(key);
    } else {
      scheduler.resumeJob(key);
    }
    return true;
  }

  /** The sync's cron trigger, or null when it has no cron. */
  public Trigger trigger(SyncConfig sync) throws SchedulerException {
    return scheduler.getTrigger(TriggerKey.triggerKey(sync.name(), GROUP));
  }

  public boolean isPaused(SyncConfig sync) throws SchedulerException {
    return scheduler.getTriggerState(TriggerKey.triggerKey(sync.name(), GROUP)) == Trigger.TriggerState.PAUSED;
  }

  private void runOnce(String sync, RunTrigger trigger) {
    onRun.accept(runner.get().run(sync, trigger, false, Progress.NONE));
  }

  /**
   * Stops new fires, asks the running batch to finish, waits at most the configured time, then stops.
   * Work not pushed stays in the outbox for the next fire, on this node or another.
   */
  @Override
  public void close() {
    if (scheduler == null) {
      return;
    }
    try {
      scheduler.standby();
      runner.get().requestStop();
      Thread waiter = new Thread(this::shutdownWaiting, "pql-scheduler-shutdown");
      waiter.start();
      waiter.join(settings.shutdownWait().toMillis());
      if (waiter.isAlive()) {
        log.warn("a run did not finish within {}; stopping anyway, its remainder stays in the outbox",
            settings.shutdownWait());
        scheduler.shutdown(false);
      }
    } catch (SchedulerException e) {
      log.warn("scheduler shutdown: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void shutdownWaiting() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      log.warn("scheduler shutdown: {}", e.getMessage());
    }
  }
}
