package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.app.admin.SyncStatus;
import io.github.pqlconnector.core.config.SyncConfig;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.ScheduleOverrideDao;
import io.github.pqlconnector.core.state.ScheduleOverrideDao.CronOverride;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.RecentThrottles;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

/**
 * A sync's status as the admin API shows it: the trigger's next fire and paused state, the cron it runs on and the
 * file's, its last run and backlog from the state database, and its destination's recent throttling (this node's).
 */
final class SyncStatuses {
  private final StateStore store;
  private final SchedulerService scheduler;
  private final RecentThrottles throttles;

  SyncStatuses(StateStore store, SchedulerService scheduler, RecentThrottles throttles) {
    this.store = store;
    this.scheduler = scheduler;
    this.throttles = throttles;
  }

  SyncStatus of(SyncConfig sync) throws SchedulerException {
    Trigger trigger = scheduler.trigger(sync);
    boolean paused = scheduler.isPaused(sync);
    Stored stored = store.read(c -> new Stored(new RunDao().list(c, sync.name(), 1).stream().findFirst().orElse(null),
        new ScheduleOverrideDao().of(c, List.of(sync.name())).get(sync.name()), new OutboxDao().depth(c, sync.name())));
    RunDao.RunRow last = stored.last();
    boolean running = last != null && "RUNNING".equals(last.status());
    Optional<CronOverride> override = EffectiveCrons.usable(stored.override(), Instant.now());
    return new SyncStatus(sync.name(), sync.source(), sync.destination(),
        override.map(CronOverride::cron).orElse(sync.cron()),
        trigger == null || trigger.getNextFireTime() == null ? null : trigger.getNextFireTime().toInstant(),
        paused, running, last, sync.cron(), override.isPresent(), stored.outboxDepth(),
        throttles.lastHour(sync.destination()));
  }

  /** What one read of the state database says about the sync. */
  private record Stored(RunDao.@Nullable RunRow last, @Nullable CronOverride override, long outboxDepth) {}
}
