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
import org.jspecify.annotations.Nullable;

/**
 * Record updates waiting for the destination, one row per record. Written before any destination call;
 * a row leaves only when the CRM confirmed it.
 */
public final class OutboxDao {
  /** PENDING: to push. FAILED: refused for good, retried when the verdict changes. UNMATCHED: no CRM record yet. */
  public enum State { PENDING, FAILED, UNMATCHED }

  /**
   * A queued update; {@code knownRecordId} is the CRM id a confirmed earlier write returned for this record,
   * so the drain can write to it without looking the record up again.
   */
  public record Row(EntityRef entity, String hash, String payload, State state, int attempts,
      @Nullable String knownRecordId) {
    public Row(EntityRef entity, String hash, String payload, State state, int attempts) {
      this(entity, hash, payload, state, attempts, null);
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

  /** Queues updates; a newer verdict for a queued record replaces it and resets its attempts. */
  public void enqueue(Connection c, String sync, List<Row> rows, Instant now) throws SQLException {
    Sql.upsert(c,
        "UPDATE outbox SET hash = ?, payload = ?, state = ?, attempts = ?, last_error = NULL, updated_at = ?"
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

  /** The next page of rows to push for a level (PENDING and UNMATCHED), after {@code afterId}, by id. */
  public List<Row> due(Connection c, String sync, EntityLevel level, String afterId, int limit)
      throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT o.entity_id, o.hash, o.payload, o.state, o.attempts, p.record_id FROM outbox o"
            + " LEFT JOIN pushed p ON p.sync_name = o.sync_name AND p.level = o.level AND p.entity_id = o.entity_id"
            + " WHERE o.sync_name = ? AND o.level = ? AND o.state <> 'FAILED' AND o.entity_id > ?"
            + " ORDER BY o.entity_id")) {
      ps.setString(1, sync);
      ps.setString(2, level.id());
      ps.setString(3, afterId);
      ps.setMaxRows(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(new EntityRef(level, rs.getString(1)), rs.getString(2), rs.getString(3),
              State.valueOf(rs.getString(4)), rs.getInt(5), rs.getString(6)));
        }
      }
    }
    return rows;
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

  /** Records an attempt's outcome: the new state, one more attempt, and the error text. */
  public void mark(Connection c, String sync, List<Row> rows, State state, Map<EntityRef, String> errors,
      Instant now) throws SQLException {
    Sql.batch(c, "UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ?, updated_at = ?"
            + " WHERE sync_name = ? AND level = ? AND entity_id = ? AND hash = ?",
        rows, (ps, row) -> {
          ps.setString(1, state.name());
          ps.setString(2, truncate(errors.get(row.entity())));
          Sql.setInstant(ps, 3, now);
          ps.setString(4, sync);
          ps.setString(5, row.entity().level().id());
          ps.setString(6, row.entity().id());
          ps.setString(7, row.hash());
        });
  }

  /** Rows still to push (PENDING and UNMATCHED) for a sync. */
  public long depth(Connection c, String sync) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT COUNT(*) FROM outbox WHERE sync_name = ? AND state <> 'FAILED'")) {
      ps.setString(1, sync);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static String truncate(String text) {
    return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
  }
}
