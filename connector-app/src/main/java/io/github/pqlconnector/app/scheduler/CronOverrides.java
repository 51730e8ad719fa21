package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.app.admin.AdminBackend.CronEdit;
import io.github.pqlconnector.app.admin.AdminBackend.CronEdit.Outcome;
import io.github.pqlconnector.app.admin.CronPreview;
import io.github.pqlconnector.core.config.CronCheck;
import io.github.pqlconnector.core.config.SyncConfig;
import io.github.pqlconnector.core.state.ScheduleOverrideDao;
import io.github.pqlconnector.core.state.ScheduleOverrideDao.CronOverride;
import io.github.pqlconnector.core.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator's cron edits: kept in the state database (so every node, restart and reload sees them), then the
 * schedules re-timed. The file's cron is not touched; clearing the override brings it back.
 */
public final class CronOverrides {
  private static final Logger log = LoggerFactory.getLogger(CronOverrides.class);

  private final StateStore store;
  private final SchedulerService scheduler;
  private final Clock clock;
  private final ScheduleOverrideDao dao = new ScheduleOverrideDao();

  public CronOverrides(StateStore store, SchedulerService scheduler, Clock clock) {
    this.store = store;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** Runs {@code sync} on {@code cron} from now on; refused with {@code pql validate}'s wording when invalid. */
  public CronEdit set(String sync, String cron, String by) {
    Optional<SyncConfig> config = scheduler.config().sync(sync);
    if (config.isEmpty()) {
      return noSuchSync(sync);
    }
    Instant now = clock.instant();
    Optional<String> problem = CronCheck.problem(cron, now);
    if (problem.isPresent()) {
      return new CronEdit(Outcome.INVALID, "invalid cron expression \"" + cron + "\": " + problem.get());
    }
    String trimmed = cron.trim();
    store.write(c -> {
      dao.set(c, new CronOverride(sync, trimmed, by, now));
      return null;
    });
    retime();
    log.info("cron of {} set to \"{}\" ({}) by {}; the file's is {}", sync, trimmed, CronText.describe(trimmed), by,
        fileCron(config.get()));
    return new CronEdit(Outcome.CHANGED, null);
  }

  /** The cron checked as an edit is, in words, with its next {@code fires} fires after {@code now}. */
  public static CronPreview preview(String cron, int fires, Instant now) {
    String trimmed = cron.strip();
    Optional<String> problem = CronCheck.problem(trimmed, now);
    if (problem.isPresent()) {
      return CronPreview.invalid("invalid cron expression \"" + trimmed + "\": " + problem.get());
    }
    return new CronPreview(true, null, CronText.describe(trimmed), CronText.nextFires(trimmed, fires, now));
  }

  /** Puts {@code sync} back on the file's cron. */
  public CronEdit clear(String sync, String by) {
    Optional<SyncConfig> config = scheduler.config().sync(sync);
    if (config.isEmpty()) {
      return noSuchSync(sync);
    }
    Boolean had = store.write(c -> dao.clear(c, sync));
    if (!had) {
      return new CronEdit(Outcome.CHANGED, "no cron override was set; the file's cron stays");
    }
    retime();
    log.info("cron override of {} cleared by {}; back to the file's {}", sync, by, fileCron(config.get()));
    return new CronEdit(Outcome.CHANGED, null);
  }

  /** The sync's override, if it has one. */
  public Optional<CronOverride> of(String sync) {
    return Optional.ofNullable(store.read(c -> dao.of(c, List.of(sync))).get(sync));
  }

  private void retime() {
    try {
      scheduler.retime();
    } catch (SchedulerException e) {
      throw new IllegalStateException("scheduler: " + e.getMessage(), e);
    }
  }

  private static CronEdit noSuchSync(String sync) {
    return new CronEdit(Outcome.NO_SUCH_SYNC, "no sync named '" + sync + "'");
  }

  private static String fileCron(SyncConfig sync) {
    return sync.cron() == null ? "none (it runs only when asked)" : "\"" + sync.cron() + "\"";
  }
}
