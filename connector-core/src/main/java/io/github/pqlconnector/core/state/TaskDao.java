package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follow-up tasks to create, keyed by episode: inserting a key that exists is a no-op, so a task is queued
 * once per episode whatever happens to the run.
 */
public final class TaskDao {
  /** PENDING: to create. CREATED: the CRM confirmed it. FAILED: refused for good. */
  public enum State { PENDING, CREATED, FAILED }

  /** A queued task intent. */
  public record Row(String key, EntityRef entity, String trigger, Instant episodeAt, String payload, int attempts) {}

  /** Queues the intents whose key is new; returns how many were new. */
  public int enqueue(Connection c, String sync, List<Row> rows, Instant now) throws SQLException {
    Set<String> existing = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM task_outbox WHERE task_key = ?")) {
      for (Row row : rows) {
        ps.setString(1, row.key());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            existing.add(row.key());
          }
        }
      }
    }
    List<Row> fresh = rows.stream().filter(r -> !existing.contains(r.key())).toList();
    Sql.batch(c, "INSERT INTO task_outbox (task_key, sync_name, level, entity_id, trigger_name, episode_at,"
        + " payload, state, attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)", fresh, (ps, row) -> {
          ps.setString(1, row.key());
          ps.setString(2, sync);
          ps.setString(3, row.entity().level().id());
          ps.setString(4, row.entity().id());
          ps.setString(5, row.trigger());
          Sql.setInstant(ps, 6, row.episodeAt());
          ps.setString(7, row.payload());
          Sql.setInstant(ps, 8, now);
        });
    return fresh.size();
  }

  public List<Row> due(Connection c, String sync, int limit) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT task_key, level, entity_id, trigger_name, episode_at,"
        + " payload, attempts FROM task_outbox WHERE sync_name = ? AND state = 'PENDING' ORDER BY created_at, task_key")) {
      ps.setString(1, sync);
      ps.setMaxRows(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getString(1), new EntityRef(EntityLevel.fromId(rs.getString(2)), rs.getString(3)),
              rs.getString(4), Sql.getInstant(rs, "episode_at"), rs.getString(6), rs.getInt(7)));
        }
      }
    }
    return rows;
  }

  public void markCreated(Connection c, String key, String taskId, Instant now) throws SQLException {
    update(c, "UPDATE task_outbox SET state = 'CREATED', task_id = ?, done_at = ? WHERE task_key = ?",
        taskId, now, key);
  }

  public void markAttempt(Connection c, String key, State state, String error) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE task_outbox SET state = ?, attempts = attempts + 1, last_error = ? WHERE task_key = ?")) {
      ps.setString(1, state.name());
      ps.setString(2, OutboxDao.truncate(error));
      ps.setString(3, key);
      ps.executeUpdate();
    }
  }

  public long count(Connection c, String sync, State state) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT COUNT(*) FROM task_outbox WHERE sync_name = ? AND state = ?")) {
      ps.setString(1, sync);
      ps.setString(2, state.name());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void update(Connection c, String sql, String value, Instant at, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      Sql.setInstant(ps, 2, at);
      ps.setString(3, key);
      ps.executeUpdate();
    }
  }
}
