package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.core.config.CronCheck;
import io.github.pqlconnector.core.config.SyncConfig;
import io.github.pqlconnector.core.state.ScheduleOverrideDao;
import io.github.pqlconnector.core.state.ScheduleOverrideDao.CronOverride;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cron each sync runs on: its override from the state database when it has one, else the file's (null: manual
 * only). Read on every start, reload and edit, so a node never reverts another node's edit. The overrides of syncs
 * the file no longer has are deleted: a sync added again later under the same name starts from the file's cron.
 */
final class EffectiveCrons {
  private static final Logger log = LoggerFactory.getLogger(EffectiveCrons.class);

  private EffectiveCrons() {}

  /** Sync name to its cron, null for a sync that only runs when asked. */
  static Map<String, @Nullable String> of(Connection c, List<SyncConfig> syncs, Instant now) throws SQLException {
    ScheduleOverrideDao dao = new ScheduleOverrideDao();
    List<String> names = syncs.stream().map(SyncConfig::name).toList();
    List<String> dropped = dao.clearAllBut(c, names);
    if (!dropped.isEmpty()) {
      log.info("cron overrides of {} deleted: the file no longer has these syncs", dropped);
    }
    Map<String, CronOverride> overrides = dao.of(c, names);
    Map<String, @Nullable String> crons = new HashMap<>();
    for (SyncConfig sync : syncs) {
      crons.put(sync.name(), usable(overrides.get(sync.name()), now).map(CronOverride::cron).orElse(sync.cron()));
    }
    return crons;
  }

  /**
   * The override when it still fires: one whose cron stopped firing (its last year passed) gives way to the
   * file's cron, with a warning.
   */
  static Optional<CronOverride> usable(@Nullable CronOverride override, Instant now) {
    if (override == null) {
      return Optional.empty();
    }
    Optional<String> problem = CronCheck.problem(override.cron(), now);
    problem.ifPresent(p -> log.warn("cron override \"{}\" of {} (set by {}) is not used: {}; the file's cron applies",
        override.cron(), override.sync(), override.setBy(), p));
    return problem.isPresent() ? Optional.empty() : Optional.of(override);
  }
}
