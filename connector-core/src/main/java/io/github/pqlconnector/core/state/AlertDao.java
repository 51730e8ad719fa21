package io.github.pqlconnector.core.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The alert outbox ({@code alert_outbox}) and the throttle ({@code alert_throttle}). Rows are claimed one by one with
 * a conditional UPDATE before they are sent, so two senders on one database never send the same row.
 */
public final class AlertDao {
  /** A queued alert for one receiver; {@code payload} is the alert as JSON. */
  public record Row(long id, String receiver, String kind, String sync, String payload, int attempts) {}

  /** What a receiver left undelivered: rows still being retried, rows given up, and the last error. */
  public record Trouble(String receiver, long retrying, long givenUp, @Nullable String lastError) {}

  public void enqueue(Connection c, String receiver, String kind, String sync, String payload, Instant now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_outbox (receiver, kind, sync_name, payload,"
        + " state, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)")) {
      ps.setString(1, receiver);
      ps.setString(2, kind);
      ps.setString(3, sync);
      ps.setString(4, payload);
      Sql.setInstant(ps, 5, now);
      Sql.setInstant(ps, 6, now);
      ps.executeUpdate();
    }
  }

  /**
   * Takes the throttle of {@code sync} and {@code kind}: true (and the time is stored) when its last alert is at or
   * before {@code now - window}, or it has none; false when it is throttled.
   */
  public boolean takeThrottle(Connection c, String sync, String kind, Instant now, java.time.Duration window)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE alert_throttle SET last_at = ? WHERE sync_name = ? AND kind = ? AND last_at <= ?")) {
      Sql.setInstant(ps, 1, now);
      ps.setString(2, sync);
      ps.setString(3, kind);
      Sql.setInstant(ps, 4, now.minus(window));
      if (ps.executeUpdate() == 1) {
        return true;
      }
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_throttle (sync_name, kind, last_at)"
        + " SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM alert_throttle WHERE sync_name = ? AND kind = ?)")) {
      ps.setString(1, sync);
      ps.setString(2, kind);
      Sql.setInstant(ps, 3, now);
      ps.setString(4, sync);
      ps.setString(5, kind);
      return ps.executeUpdate() == 1;
    }
  }

  /** Pending rows whose attempt is due and which no live lease holds, oldest first. */
  public List<Row> due(Connection c, Instant now, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, receiver, kind, sync_name, payload, attempts"
        + " FROM alert_outbox WHERE state = 'PENDING' AND next_attempt_at <= ?"
        + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id")) {
      Sql.setInstant(ps, 1, now);
      Sql.setInstant(ps, 2, now);
      ps.setMaxRows(limit);
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getInt(6)));
        }
      }
      return rows;
    }
  }

  /** Claims a due row for {@code node} until {@code leaseUntil}; false when another sender holds or sent it. */
  public boolean claim(Connection c, long id, String node, Instant now, Instant leaseUntil) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE alert_outbox SET claimed_by = ?, claimed_until = ?"
        + " WHERE id = ? AND state = 'PENDING' AND next_attempt_at <= ?"
        + " AND (claimed_until IS NULL OR claimed_until < ?)")) {
      ps.setString(1, node);
      Sql.setInstant(ps, 2, leaseUntil);
      ps.setLong(3, id);
      Sql.setInstant(ps, 4, now);
      Sql.setInstant(ps, 5, now);
      return ps.executeUpdate() == 1;
    }
  }

  public void markSent(Connection c, long id, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE alert_outbox SET state = 'SENT', sent_at = ?,"
        + " attempts = attempts + 1, last_error = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = ?")) {
      Sql.setInstant(ps, 1, now);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  /** A failed attempt: tried again at {@code next}, or given up (FAILED) when {@code next} is null. */
  public void attemptFailed(Connection c, long id, String error, @Nullable Instant next) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE alert_outbox SET state = ?, attempts = attempts + 1,"
        + " last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at), claimed_by = NULL, claimed_until = NULL"
        + " WHERE id = ?")) {
      ps.setString(1, next == null ? "FAILED" : "PENDING");
      ps.setString(2, OutboxDao.truncate(error));
      Sql.setInstant(ps, 3, next);
      ps.setLong(4, id);
      ps.executeUpdate();
    }
  }

  /** Receivers with rows of {@code sync} retried or given up since {@code since}, for the run history. */
  public List<Trouble> trouble(Connection c, String sync, Instant since) throws SQLException {
    List<Trouble> found = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT receiver,"
        + " SUM(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END), SUM(CASE WHEN state = 'FAILED' THEN 1 ELSE 0 END),"
        + " MAX(last_error) FROM alert_outbox WHERE sync_name = ? AND created_at >= ? AND attempts > 0"
        + " AND state <> 'SENT' GROUP BY receiver ORDER BY receiver")) {
      ps.setString(1, sync);
      Sql.setInstant(ps, 2, since);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(new Trouble(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
        }
      }
    }
    return found;
  }

  /** Deletes the rows sent or given up that were queued before {@code before}; returns how many. */
  public int prune(Connection c, Instant before) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM alert_outbox WHERE state <> 'PENDING' AND created_at < ?")) {
      Sql.setInstant(ps, 1, before);
      return ps.executeUpdate();
    }
  }

  /** How many rows are in {@code state} (PENDING, SENT, FAILED). */
  public long count(Connection c, String state) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM alert_outbox WHERE state = ?")) {
      ps.setString(1, state);
      return OutboxDao.single(ps);
    }
  }
}
