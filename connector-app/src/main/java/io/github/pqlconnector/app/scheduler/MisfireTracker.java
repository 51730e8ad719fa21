package io.github.pqlconnector.app.scheduler;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;

/**
 * Remembers which syncs' triggers misfired (missed fires after downtime): Quartz then fires them once, and
 * that run is recorded as a catch-up.
 */
final class MisfireTracker extends TriggerListenerSupport {
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

  @Override
  public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
    return false;
  }
}
