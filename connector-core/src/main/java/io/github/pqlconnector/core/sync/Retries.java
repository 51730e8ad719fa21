package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.state.RetryDao;
import io.github.pqlconnector.core.state.StateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings refusals back (a refusal is never forever) and unmatched records up again: on their own time
 * ({@link RetrySchedule}, the destination's {@code recheckUnmatched}), and at once after a successful {@code pql
 * setup} of the destination (refused rows), after a change of the destination's config (refused and unmatched
 * rows, which covers {@code createMissing} turning on), and on {@code pql retry} or the admin API.
 */
public final class Retries {
  private static final Logger log = LoggerFactory.getLogger(Retries.class);

  private Retries() {}

  /** Records that {@code pql setup} of the named destination succeeded; the next run of its syncs acts on it. */
  public static void setupSucceeded(StateStore store, String destination, Instant at) {
    store.write(c -> {
      new RetryDao().recordSetup(c, destination, at);
      return null;
    });
  }

  /**
   * Makes refused and unmatched records and refused tasks of a sync due at once: all of them when
   * {@code entities} is empty, else only those entities'. Returns how many rows were made due.
   */
  public static int makeDue(StateStore store, String sync, List<EntityRef> entities) {
    return store.write(c -> {
      RetryDao retries = new RetryDao();
      if (entities.isEmpty()) {
        return retries.recordsDue(c, sync, true, null) + retries.tasksDue(c, sync, null);
      }
      int touched = 0;
      for (EntityRef entity : entities) {
        touched += retries.entityDue(c, sync, entity);
      }
      return touched;
    });
  }

  /**
   * At the start of a run: when the destination's config changed since the last run, refused and unmatched rows
   * are due at once; when its setup succeeded since, the rows refused before that setup are.
   */
  static void beforeRun(Connection c, String sync, PqlConfig.Named<DestinationConfig> destination, Instant now)
      throws SQLException {
    RetryDao retries = new RetryDao();
    String hash = DestinationFingerprint.of(destination);
    Optional<RetryDao.Mark> mark = retries.mark(c, sync);
    Instant setup = retries.lastSetup(c, destination.name()).orElse(null);
    if (mark.isPresent() && !mark.get().configHash().equals(hash)) {
      int due = retries.recordsDue(c, sync, true, null) + retries.tasksDue(c, sync, null);
      log.info("destinations.{} changed since the last run: {} refused or unmatched rows are due now",
          destination.name(), due);
    }
    Instant seen = mark.map(RetryDao.Mark::setupSeenAt).orElse(null);
    if (setup != null && (seen == null || setup.isAfter(seen))) {
      int due = retries.recordsDue(c, sync, false, setup) + retries.tasksDue(c, sync, setup);
      log.info("destinations.{} was set up at {}: {} rows refused before are due now", destination.name(), setup,
          due);
    }
    if (mark.isEmpty() || !mark.get().configHash().equals(hash) || setup != null && !setup.equals(seen)) {
      retries.saveMark(c, sync, new RetryDao.Mark(hash, setup), now);
    }
  }
}
