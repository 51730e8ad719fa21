package io.github.pqlconnector.app.scheduler;

import static org.quartz.CronScheduleBuilder.cronSchedule;
import static org.quartz.JobBuilder.newJob;
import static org.quartz.TriggerBuilder.newTrigger;

import io.github.pqlconnector.core.config.SyncConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Brings the job store in line with the config's syncs and their effective crons ({@link EffectiveCrons}). An
 * unchanged trigger is left alone, so its paused state and its missed fires survive a restart; a changed cron
 * re-times it and keeps it paused if it was.
 */
final class ScheduleReconciler {
  private final Scheduler scheduler;

  ScheduleReconciler(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** {@code crons}: each sync's cron by name, null (or absent) for one that only runs when asked. */
  ScheduleChanges reconcile(List<SyncConfig> syncs, Map<String, @Nullable String> crons) throws SchedulerException {
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    Set<JobKey> wanted = new HashSet<>();
    for (SyncConfig sync : syncs) {
      JobKey key = JobKey.jobKey(sync.name(), SchedulerService.GROUP);
      wanted.add(key);
      boolean isNew = !scheduler.checkExists(key);
      if (isNew) {
        scheduler.addJob(newJob(SyncJob.class).withIdentity(key).usingJobData(SyncJob.SYNC_NAME, sync.name())
            .storeDurably().requestRecovery().build(), false);
        added.add(sync.name());
      }
      if (retime(sync.name(), crons.get(sync.name()), key) && !isNew) {
        changed.add(sync.name());
      }
    }
    List<String> removed = new ArrayList<>();
    for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(SchedulerService.GROUP))) {
      if (!wanted.contains(key)) {
        scheduler.deleteJob(key);
        removed.add(key.getName());
      }
    }
    return new ScheduleChanges(added, removed, changed);
  }

  /** Creates, replaces or removes the sync's cron trigger; true when it changed. */
  private boolean retime(String sync, @Nullable String cron, JobKey job) throws SchedulerException {
    TriggerKey key = TriggerKey.triggerKey(sync, SchedulerService.GROUP);
    Trigger current = scheduler.getTrigger(key);
    if (cron == null) {
      return current != null && scheduler.unscheduleJob(key);
    }
    if (current instanceof CronTrigger trigger && trigger.getCronExpression().equals(cron)) {
      return false;
    }
    Trigger next = newTrigger().withIdentity(key).forJob(job)
        .withSchedule(cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed()).build();
    if (current == null) {
      scheduler.scheduleJob(next);
      return true;
    }
    boolean paused = scheduler.getTriggerState(key) == Trigger.TriggerState.PAUSED;
    scheduler.rescheduleJob(key, next);
    if (paused) {
      scheduler.pauseTrigger(key);
    }
    return true;
  }
}
