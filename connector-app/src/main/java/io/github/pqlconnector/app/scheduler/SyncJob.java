package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.sync.RunTrigger;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.MDC;

/**
 * Thin on purpose: reads the sync name, says why it fired, and hands over to the same
 * {@link io.github.pqlconnector.core.sync.SyncRunner} that {@code pql run} uses. One JobDetail per sync, so Quartz never runs one sync twice at once (cluster-wide
 * with the JDBC job store).
 */
@DisallowConcurrentExecution
public final class SyncJob implements Job {
  static final String SYNC_NAME = "syncName";
  static final String MANUAL = "manual";
  static final String RETRY = "retry";

  private final BiConsumer<String, RunTrigger> runs;
  private final Predicate<String> takeMisfire;

  SyncJob(BiConsumer<String, RunTrigger> runs, Predicate<String> takeMisfire) {
    this.runs = runs;
    this.takeMisfire = takeMisfire;
  }

  @Override
  public void execute(JobExecutionContext ctx) throws JobExecutionException {
    String sync = ctx.getMergedJobDataMap().getString(SYNC_NAME);
    RunTrigger trigger = ctx.isRecovering() ? RunTrigger.RECOVERY
        : ctx.getMergedJobDataMap().containsKey(RETRY) ? RunTrigger.RETRY
        : ctx.getMergedJobDataMap().containsKey(MANUAL) ? RunTrigger.MANUAL
        : takeMisfire.test(sync) ? RunTrigger.CATCH_UP : RunTrigger.SCHEDULED;
    try (var ignored = MDC.putCloseable("sync", sync)) {
      runs.accept(sync, trigger);
    } catch (ConfigException e) {
      JobExecutionException stop = new JobExecutionException(e);
      stop.setUnscheduleAllTriggers(true);
      throw stop;
    } catch (RuntimeException e) {
      throw new JobExecutionException(e);
    }
  }
}
