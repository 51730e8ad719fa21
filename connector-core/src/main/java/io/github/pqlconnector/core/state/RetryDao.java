package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What brings refused records and tasks back, and unmatched records up again: the per-sync mark of the
 * destination config and setup the runs last acted on, the last successful {@code pql setup} per destination,
 * making rows due at once, and the still-failing rows for the run report.
 */
public final class RetryDao {
  /** The destination config fingerprint a sync's runs last saw, and the setup time they last acted on. */
  public record Mark(String configHash, @Nullable Instant setupSeenAt) {}

  /** A record or task refused for good and not written since; {@code what} is "record" or "task". */
  public record Failing(EntityRef entity, String what, @Nullable Instant firstFailedAt, int attempts,
      @Nullable Instant nextAttemptAt, @Nullable String lastError) {}

  public Optional<Mark> mark(Connection c, String sync) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT config_hash, setup_seen_at FROM retry_marks WHERE sync_name = ?")) {
      ps.setString(1, sync);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Mark(rs.getString(1), Sql.getInstant(rs, "setup_seen_at")))
            : Optional.empty();
      }
    }
  }

  public void saveMark(Connection c, String sync, Mark mark, Instant now) throws SQLException {
    Sql.upsert(c, "UPDATE retry_marks SET config_hash = ?, setup_seen_at = ?, updated_at = ? WHERE sync_name = ?",
        "INSERT INTO retry_marks (config_hash, setup_seen_at, updated_at, sync_name) VALUES (?, ?, ?, ?)",
        List.of(mark), (ps, m) -> {
          ps.setString(1, m.configHash());
          Sql.setInstant(ps, 2, m.setupSeenAt());
          Sql.setInstant(ps, 3, now);
          ps.setString(4, sync);
        });
  }

  public void recordSetup(Connection c, String destination, Instant at) throws SQLException {
    Sql.upsert(c, "UPDATE destination_setups SET setup_at = ? WHERE destination_name = ?",
        "INSERT INTO destination_setups (setup_at, destination_name) VALUES (?, ?)", List.of(at), (ps, t) -> {
          Sql.setInstant(ps, 1, t);
          ps.setString(2, destination);
        });
  }

  public Optional<Instant> lastSetup(Connection c, String destination) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT setup_at FROM destination_setups WHERE destination_name = ?")) {
      ps.setString(1, destination);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(Sql.getInstant(rs, "setup_at")) : Optional.empty();
      }
    }
  }

  /**
   * Makes the sync's refused records due at once (and its unmatched ones when {@code unmatchedToo}); with
   * {@code refusedBefore}, only rows refused before then. Returns how many rows it touched.
   */
  public int recordsDue(Connection c, String sync, boolean unmatchedToo, @Nullable Instant refusedBefore)
      throws SQLException {
    String states = unmatchedToo ? "('FAILED', 'UNMATCHED')" : "('FAILED')";
    try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET next_attempt_at = NULL WHERE sync_name = ?"
        + " AND state IN " + states + (refusedBefore == null ? "" : " AND updated_at < ?"))) {
      ps.setString(1, sync);
      if (refusedBefore != null) {
        Sql.setInstant(ps, 2, refusedBefore);
      }
      return ps.executeUpdate();
    }
  }

  /** Makes the sync's refused tasks due at once; with {@code refusedBefore}, only those refused before then. */
  public int tasksDue(Connection c, String sync, @Nullable Instant refusedBefore) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE task_outbox SET next_attempt_at = NULL"
        + " WHERE sync_name = ? AND state = 'FAILED'"
        + (refusedBefore == null ? "" : " AND (last_failed_at IS NULL OR last_failed_at < ?)"))) {
      ps.setString(1, sync);
      if (refusedBefore != null) {
        Sql.setInstant(ps, 2, refusedBefore);
      }
      return ps.executeUpdate();
    }
  }

  /** Makes one entity's refused or unmatched record and its refused tasks due at once; returns rows touched. */
  public int entityDue(Connection c, String sync, EntityRef entity) throws SQLException {
    int touched = 0;
    for (String sql : List.of("UPDATE outbox SET next_attempt_at = NULL WHERE sync_name = ? AND level = ?"
        + " AND entity_id = ? AND state IN ('FAILED', 'UNMATCHED')", "UPDATE task_outbox SET next_attempt_at = NULL"
        + " WHERE sync_name = ? AND level = ? AND entity_id = ? AND state = 'FAILED'")) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, sync);
        ps.setString(2, entity.level().id());
        ps.setString(3, entity.id());
        touched += ps.executeUpdate();
      }
    }
    return touched;
  }

  /** Refused records, then refused tasks, oldest first refusal first, at most {@code limit} in all. */
  public List<Failing> failing(Connection c, String sync, int limit) throws SQLException {
    List<Failing> failing = new ArrayList<>();
    collect(c, "SELECT level, entity_id, first_failed_at, attempts, next_attempt_at, last_error FROM outbox"
        + " WHERE sync_name = ? AND state = 'FAILED' ORDER BY first_failed_at, level, entity_id", sync, "record",
        limit, failing);
    collect(c, "SELECT level, entity_id, first_failed_at, attempts, next_attempt_at, last_error FROM task_outbox"
        + " WHERE sync_name = ? AND state = 'FAILED' ORDER BY first_failed_at, level, entity_id", sync, "task",
        limit, failing);
    return failing;
  }

  private static void collect(Connection c, String sql, String sync, String what, int limit, List<Failing> into)
      throws SQLException {
    if (into.size() >= limit) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, sync);
      ps.setMaxRows(limit - into.size());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          into.add(new Failing(new EntityRef(EntityLevel.fromId(rs.getString(1)), rs.getString(2)), what,
              Sql.getInstant(rs, "first_failed_at"), rs.getInt(4), Sql.getInstant(rs, "next_attempt_at"),
              rs.getString(6)));
        }
      }
    }
  }
}
