package io.github.pqlconnector.app.scheduler;

import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.CronTrigger;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes missed fires after downtime one run, recorded as a catch-up. Past the misfire threshold Quartz itself fires
 * a trigger once ("fire and proceed") and says so ({@link #triggerMisfired}). Within it, Quartz would replay every
 * missed fire back to back: each fire whose trigger already has its next fire due is vetoed here, so only the last
 * missed fire runs, as the catch-up.
 */
final class MisfireTracker extends TriggerListenerSupport {
  private static final Logger log = LoggerFactory.getLogger(MisfireTracker.class);

  private final Set<String> misfired = ConcurrentHashMap.newKeySet();

  @Override
  public String getName() {
    return "pql-misfires";
  }

  @Override
  public void triggerMisfired(Trigger trigger) {
    misfired.add(trigger.getJobKey().getName());
  }

  /** True once per misfire of the sync. */
  boolean take(String sync) {
    return misfired.remove(sync);
  }

  /** Skips a late cron fire when the next one is already due: the latest missed fire stands for them all. */
  @Override
  public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
    Date next = trigger.getNextFireTime();
    if (trigger instanceof CronTrigger && next != null && !next.after(new Date())) {
      String sync = trigger.getJobKey().getName();
      misfired.add(sync);
      log.debug("skipping the missed fire of {} at {}: a later one is due, which runs as the catch-up", sync,
          context.getScheduledFireTime());
      return true;
    }
    return false;
  }
}
