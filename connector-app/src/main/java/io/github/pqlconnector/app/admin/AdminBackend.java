package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.report.ConversionReport;
import io.github.pqlconnector.core.state.EntityQuery;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the admin API reads and does. The scheduler daemon implements it; the HTTP layer only translates.
 * Implementations are thread-safe.
 */
public interface AdminBackend {
  /** Scheduler started and not shutting down. */
  boolean schedulerRunning();

  /** The state database answers. */
  boolean stateReachable();

  /** Every configured sync with its schedule and last run, in config order. */
  List<SyncStatus> syncs();

  Optional<SyncStatus> sync(String name);

  /** What asking for a run (or a retry) now did; NO_SUCH_RECORD: none of the named records is refused or unmatched. */
  enum RunNow { STARTED, ALREADY_RUNNING, NO_SUCH_SYNC, NO_SUCH_RECORD }

  /** Starts a run of the sync now, in the background, unless one is already running (on any node). */
  RunNow runNow(String name);

  /**
   * Makes the sync's refused and unmatched records and refused tasks due now (only those of {@code records} when
   * not empty), then starts a run as {@link #runNow} does, recorded with trigger RETRY.
   */
  RunNow retry(String name, List<EntityRef> records);

  /** Stops the sync's cron from firing until resumed; false when there is no such sync. */
  boolean pause(String name);

  boolean resume(String name);

  /** The newest runs first, of one sync or of all when {@code sync} is null. */
  List<RunDao.RunRow> runs(@Nullable String sync, int limit);

  Optional<RunDetail> run(long id);

  /** The entity's verdict history in the sync, oldest first; empty when there is no such sync. */
  Optional<List<VerdictHistoryDao.Change>> history(String sync, EntityRef entity);

  /**
   * The sync's live conversion report: entries of the last {@code since} (whole UTC days), conversions within
   * {@code horizon}; empty when there is no such sync.
   */
  Optional<ConversionReport> report(String sync, Duration since, Duration horizon);

  /** Re-reads the config file; an invalid file changes nothing and its problems are returned. */
  ReloadOutcome reload();

  /**
   * A dry run of the sync ({@code pql plan}): transitions, its first {@code firstN} records and tasks, counts. BUSY
   * when another preview is computing on this node. Writes nothing; it reads the whole source, so it can take long.
   */
  PlanPreview plan(String sync, int firstN);

  /** The newest runs first that match the filter (see {@link RunFilter}). */
  List<RunDao.RunRow> runs(RunFilter filter);

  /** Each configured destination's last background check, in config order. */
  List<DestinationHealth> destinations();

  /** What a cron edit did; INVALID and NO_SUCH_SYNC carry a message a person reads. */
  record CronEdit(Outcome outcome, @Nullable String message) {
    public enum Outcome { CHANGED, INVALID, NO_SUCH_SYNC }
  }

  /**
   * Runs the sync on {@code cron} instead of the file's, on every node and across restarts and reloads, until
   * cleared; checked as the file's cron is ({@code pql validate}'s wording). {@code by}: who asked, for the log.
   */
  CronEdit setCron(String sync, String cron, String by);

  /** Puts the sync back on the file's cron (none: it runs only when asked). */
  CronEdit clearCron(String sync, String by);

  /** A cron checked as an edit is (valid or why not), in words, with its next {@code fires} fire times. */
  CronPreview previewCron(String cron, int fires);

  /** One page of the sync's entities, filtered, searched and sorted as {@code query} asks; no rows for no such sync. */
  EntityPage entities(EntityQuery query);

  /** The entity's page; empty when there is no such sync or no run decided and no source knows the entity. */
  Optional<EntityDetail> entity(String sync, EntityRef ref);
}
