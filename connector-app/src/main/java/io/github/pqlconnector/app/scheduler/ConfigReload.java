package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.app.admin.ReloadOutcome;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.error.ConfigProblem;
import java.nio.file.Path;
import java.util.List;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reading the config file (SIGHUP, {@code POST /api/reload}): a valid file re-times, adds and removes syncs at
 * once; an invalid one, or one that moves the state database, changes nothing and says why.
 */
final class ConfigReload {
  private static final Logger log = LoggerFactory.getLogger(ConfigReload.class);
  private final Path configFile;
  private final ConfigLoader loader;
  private final SchedulerService scheduler;

  ConfigReload(Path configFile, ConfigLoader loader, SchedulerService scheduler) {
    this.configFile = configFile;
    this.loader = loader;
    this.scheduler = scheduler;
  }

  synchronized ReloadOutcome reload() {
    PqlConfig next;
    try {
      next = loader.load(configFile);
    } catch (ConfigException e) {
      log.warn("reload rejected, the schedules stay as they were:\n{}", e.getMessage());
      return ReloadOutcome.rejected(e.problems().stream().map(ConfigProblem::toString).toList());
    }
    if (!next.state().equals(scheduler.config().state())) {
      return ReloadOutcome.rejected(List.of("state: the state database cannot change while pql serve runs;"
          + " restart it to use the new one"));
    }
    ScheduleChanges changes;
    try {
      changes = scheduler.apply(next);
    } catch (SchedulerException e) {
      log.warn("reload could not be scheduled: {}", e.getMessage());
      return ReloadOutcome.rejected(List.of("syncs: the scheduler refused the new schedules: " + e.getMessage()));
    }
    log.info("reloaded {}: added {}, removed {}, re-timed {}", configFile, changes.added(), changes.removed(),
        changes.changed());
    return new ReloadOutcome(true, List.of(), changes.added(), changes.removed(), changes.changed());
  }
}
