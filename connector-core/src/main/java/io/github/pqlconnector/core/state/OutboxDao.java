package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Record updates waiting for the destination, one row per record. Written before any destination call;
 * a row leaves only when the CRM confirmed it.
 */
public final class OutboxDao {
  /** Rows due by a time (bound as the one parameter): PENDING always, FAILED and UNMATCHED once their time has come. */
  static final String DUE = "(state = 'PENDING' OR next_attempt_at IS NULL OR next_attempt_at <= ?)";

  /**
   * PENDING: to push, every run. FAILED: refused for good, tried again once {@code next_attempt_at} has come
   * (a backoff), after {@code pql setup} or a destination config change, or on {@code pql retry}. UNMATCHED: no
   * CRM record yet, looked up again once {@code next_attempt_at} (the re-check interval) has come.
   */
  public enum State { PENDING, FAILED, UNMATCHED }

  /**
   * A queued update; {@code knownRecordId} is the CRM id a confirmed earlier write returned for this record,
   * so the drain can write to it without looking the record up again. {@code refusals} counts the refusals in
   * a row of this verdict (0 when it was never refused).
   */
  public record Row(EntityRef entity, String hash, String payload, State state, int attempts,
      @Nullable String knownRecordId, int refusals) {
    public Row(EntityRef entity, String hash, String payload, State state, int attempts) {
      this(entity, hash, payload, state, attempts, null, 0);
    }

    public Row(EntityRef entity, String hash, String payload, State state, int attempts,
        @Nullable String knownRecordId) {
      this(entity, hash, payload, state, attempts, knownRecordId, 0);
    }
  }

  /** What the diff needs to know about a queued row. */
  public record Mark(String hash, State state) {}

  public Map<EntityRef, Mark> marks(Connection c, String sync) throws SQLException {
    Map<EntityRef, Mark> marks = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT level, entity_id, hash, state FROM outbox WHERE sync_name = ?")) {
      ps.setString(1, sync);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          marks.put(new EntityRef(EntityLevel.fromId(rs.getString(1)), rs.getString(2)),
              new Mark(rs.getString(3), State.valueOf(rs.getString(4))));
        }
      }
    }
    return marks;
  }

  /** Queues updates; a newer verdict for a queued record replaces it and resets its attempts and refusals. */
  public void enqueue(Connection c, String sync, List<Row> rows, Instant now) throws SQLException {
    Sql.upsert(c,
        "UPDATE outbox SET hash = ?, payload = ?, state = ?, attempts = ?, last_error = NULL, updated_at = ?,"
            + " first_failed_at = NULL, refusals = 0, next_attempt_at = NULL"
            + " WHERE sync_name = ? AND level = ? AND entity_id = ?",
        "INSERT INTO outbox (hash, payload, state, attempts, updated_at, sync_name, level, entity_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows, (ps, row) -> {
          ps.setString(1, row.hash());
          ps.setString(2, row.payload());
          ps.setString(3, row.state().name());
          ps.setInt(4, row.attempts());
          Sql.setInstant(ps, 5, now);
          ps.setString(6, sync);
          ps.setString(7, row.entity().level().id());
          ps.setString(8, row.entity().id());
        });
  }

  /** Rows {@link DueRows} would hand out by {@code now}, over both levels. */
  public long dueCount(Connection c, String sync, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE sync_name = ? AND " + DUE)) {
      ps.setString(1, sync);
      Sql.setInstant(ps, 2, now);
      return single(ps);
    }
  }

  /** Removes rows the CRM confirmed, but only if no newer verdict replaced them meanwhile. */
  public void remove(Connection c, String sync, List<Row> confirmed) throws SQLException {
    Sql.batch(c, "DELETE FROM outbox WHERE sync_name = ? AND level = ? AND entity_id = ? AND hash = ?",
        confirmed, (ps, row) -> {
          ps.setString(1, sync);
          ps.setString(2, row.entity().level().id());
          ps.setString(3, row.entity().id());
          ps.setString(4, row.hash());
        });
  }

  /**
   * Records an attempt's outcome that is not a refusal or a "not found": the new state, one more attempt, and
   * the error text.
   */
  public void mark(Connection c, String sync, List<Row> rows, State state, Map<EntityRef, String> errors,
      Instant now) throws SQLException {
    Sql.batch(c, "UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ?, updated_at = ?"
            + " WHERE sync_name = ? AND level = ? AND entity_id = ? AND hash = ?",
        rows, (ps, row) -> {
          ps.setString(1, state.name());
          ps.setString(2, truncate(errors.get(row.entity())));
          Sql.setInstant(ps, 3, now);
          bindKey(ps, 4, sync, row);
        });
  }

  /**
   * Parks rows the destination refused for good: FAILED, one more attempt and refusal, the first refusal's time
   * kept, and the next attempt at {@code nextAttempt} of the row (given the refusals before this one).
   */
  public void refuse(Connection c, String sync, List<Row> rows, Map<EntityRef, String> errors, Instant now,
      Function<Row, Instant> nextAttempt) throws SQLException {
    Sql.batch(c, "UPDATE outbox SET state = 'FAILED', attempts = attempts + 1, refusals = refusals + 1,"
            + " last_error = ?, updated_at = ?, first_failed_at = COALESCE(first_failed_at, ?), next_attempt_at = ?"
            + " WHERE sync_name = ? AND level = ? AND entity_id = ? AND hash = ?",
        rows, (ps, row) -> {
          ps.setString(1, truncate(errors.get(row.entity())));
          Sql.setInstant(ps, 2, now);
          Sql.setInstant(ps, 3, now);
          Sql.setInstant(ps, 4, nextAttempt.apply(row));
          bindKey(ps, 5, sync, row);
        });
  }

  /** Remembers that the records were not found: UNMATCHED, looked up again at {@code recheckAt}. */
  public void unmatched(Connection c, String sync, List<Row> rows, Instant now, Instant recheckAt)
      throws SQLException {
    Sql.batch(c, "UPDATE outbox SET state = 'UNMATCHED', attempts = attempts + 1, last_error = NULL,"
            + " updated_at = ?, next_attempt_at = ? WHERE sync_name = ? AND level = ? AND entity_id = ? AND hash = ?",
        rows, (ps, row) -> {
          Sql.setInstant(ps, 1, now);
          Sql.setInstant(ps, 2, recheckAt);
          bindKey(ps, 3, sync, row);
        });
  }

  /** The backlog: rows still to push (PENDING). Refused and unmatched rows are counted apart ({@link #count}). */
  public long depth(Connection c, String sync) throws SQLException {
    return count(c, sync, State.PENDING);
  }

  public long count(Connection c, String sync, State state) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT COUNT(*) FROM outbox WHERE sync_name = ? AND state = ?")) {
      ps.setString(1, sync);
      ps.setString(2, state.name());
      return single(ps);
    }
  }

  private static void bindKey(PreparedStatement ps, int from, String sync, Row row) throws SQLException {
    ps.setString(from, sync);
    ps.setString(from + 1, row.entity().level().id());
    ps.setString(from + 2, row.entity().id());
    ps.setString(from + 3, row.hash());
  }

  static long single(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String truncate(String text) {
    return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
  }
}
