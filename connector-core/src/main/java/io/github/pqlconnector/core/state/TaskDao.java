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
import org.jspecify.annotations.Nullable;

/**
 * Follow-up tasks to create, keyed by episode: inserting a key that exists is a no-op, so a task is queued
 * once per episode whatever happens to the run.
 */
public final class TaskDao {
  /**
   * PENDING: to create. CREATED: the CRM confirmed it. FAILED: refused for good, tried again once its
   * {@code next_attempt_at} has come, after {@code pql setup} or a destination config change, or on {@code pql retry}.
   */
  public enum State { PENDING, CREATED, FAILED }

  /** A queued task intent; {@code refusals} counts its refusals in a row (0 when never refused). */
  public record Row(String key, EntityRef entity, String trigger, Instant episodeAt, String payload, int attempts,
      int refusals) {
    public Row(String key, EntityRef entity, String trigger, Instant episodeAt, String payload, int attempts) {
      this(key, entity, trigger, episodeAt, payload, attempts, 0);
    }
  }

  /** A task opened for an entity, as the outbox knows it: created in the CRM once {@code taskId} is set. */
  public record Opened(String key, String trigger, State state, @Nullable String taskId, Instant createdAt,
      @Nullable String lastError) {}

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

  /**
   * Tasks to create by {@code now}, oldest first: every PENDING one, and FAILED ones whose next attempt has come
   * (no next attempt set means at once: refused before this was tracked, or made due by setup, a config change
   * or {@code pql retry}). A task whose record is remembered as not found (UNMATCHED in the outbox, re-check not
   * yet come) waits with it, so its record is not looked up on every run.
   */
  public List<Row> due(Connection c, String sync, int limit, Instant now) throws SQLException {
    return select(c, sync, limit, "(state = 'PENDING' OR (state = 'FAILED' AND (next_attempt_at IS NULL"
        + " OR next_attempt_at <= ?))) AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.sync_name = t.sync_name"
        + " AND o.level = t.level AND o.entity_id = t.entity_id AND o.state = 'UNMATCHED'"
        + " AND o.next_attempt_at > ?)", now);
  }

  private List<Row> select(Connection c, String sync, int limit, String condition, Instant now) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT task_key, level, entity_id, trigger_name, episode_at,"
        + " payload, attempts, refusals FROM task_outbox t WHERE sync_name = ? AND " + condition
        + " ORDER BY created_at, task_key")) {
      ps.setString(1, sync);
      if (now != null) {
        Sql.setInstant(ps, 2, now);
        Sql.setInstant(ps, 3, now);
      }
      ps.setMaxRows(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getString(1), new EntityRef(EntityLevel.fromId(rs.getString(2)), rs.getString(3)),
              rs.getString(4), Sql.getInstant(rs, "episode_at"), rs.getString(6), rs.getInt(7), rs.getInt(8)));
        }
      }
    }
    return rows;
  }

  public void markCreated(Connection c, String key, String taskId, Instant now) throws SQLException {
    update(c, "UPDATE task_outbox SET state = 'CREATED', task_id = ?, done_at = ? WHERE task_key = ?",
        taskId, now, key);
  }

  /**
   * An attempt that did not create the task. FAILED (refused for good) counts a refusal, keeps the first
   * refusal's time and is due again at {@code nextAttemptAt} (from {@code core.sync.RetrySchedule}, given the
   * row's refusals so far); PENDING (retryable) stays due on every run.
   */
  public void markAttempt(Connection c, String key, State state, String error, Instant now,
      Instant nextAttemptAt) throws SQLException {
    boolean refused = state == State.FAILED;
    try (PreparedStatement ps = c.prepareStatement("UPDATE task_outbox SET state = ?, attempts = attempts + 1,"
        + " last_error = ?, refusals = refusals + ?, first_failed_at = CASE WHEN ? THEN COALESCE(first_failed_at, ?)"
        + " ELSE first_failed_at END, last_failed_at = CASE WHEN ? THEN ? ELSE last_failed_at END,"
        + " next_attempt_at = ? WHERE task_key = ?")) {
      ps.setString(1, state.name());
      ps.setString(2, OutboxDao.truncate(error));
      ps.setInt(3, refused ? 1 : 0);
      ps.setBoolean(4, refused);
      Sql.setInstant(ps, 5, now);
      ps.setBoolean(6, refused);
      Sql.setInstant(ps, 7, now);
      Sql.setInstant(ps, 8, refused ? nextAttemptAt : null);
      ps.setString(9, key);
      ps.executeUpdate();
    }
  }

  /** The tasks queued for {@code entity}, oldest first. */
  public List<Opened> of(Connection c, String sync, EntityRef entity) throws SQLException {
    List<Opened> tasks = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT task_key, trigger_name, state, task_id, created_at,"
        + " last_error FROM task_outbox WHERE sync_name = ? AND level = ? AND entity_id = ? ORDER BY created_at,"
        + " task_key")) {
      ps.setString(1, sync);
      ps.setString(2, entity.level().id());
      ps.setString(3, entity.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tasks.add(new Opened(rs.getString(1), rs.getString(2), State.valueOf(rs.getString(3)), rs.getString(4),
              Sql.getInstant(rs, "created_at"), rs.getString(6)));
        }
      }
    }
    return tasks;
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
