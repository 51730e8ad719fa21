package io.github.pqlconnector.core.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Crons set by an operator in place of the file's, per sync. They live in the state database so that they survive
 * restarts and reloads and every node of a cluster schedules the same.
 */
public final class ScheduleOverrideDao {
  private static final String COLUMNS = "SELECT sync_name, cron, set_by, set_at FROM schedule_overrides";

  /** One sync's cron as set, by whom and when. */
  public record CronOverride(String sync, String cron, String setBy, Instant setAt) {}

  /** Every override by sync name. */
  public Map<String, CronOverride> all(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(COLUMNS + " ORDER BY sync_name")) {
      return read(ps);
    }
  }

  /** The overrides of these syncs (those that have one) by sync name. */
  public Map<String, CronOverride> of(Connection c, Collection<String> syncs) throws SQLException {
    Set<String> wanted = Set.copyOf(syncs);
    Map<String, CronOverride> found = new LinkedHashMap<>();
    all(c).forEach((sync, override) -> {
      if (wanted.contains(sync)) {
        found.put(sync, override);
      }
    });
    return found;
  }

  /** Sets or replaces the sync's override. */
  public void set(Connection c, CronOverride override) throws SQLException {
    Sql.upsert(c, "UPDATE schedule_overrides SET cron = ?, set_by = ?, set_at = ? WHERE sync_name = ?",
        "INSERT INTO schedule_overrides (cron, set_by, set_at, sync_name) VALUES (?, ?, ?, ?)", List.of(override),
        (ps, row) -> {
          ps.setString(1, row.cron());
          ps.setString(2, row.setBy());
          Sql.setInstant(ps, 3, row.setAt());
          ps.setString(4, row.sync());
        });
  }

  /** Removes the sync's override; true when it had one. */
  public boolean clear(Connection c, String sync) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM schedule_overrides WHERE sync_name = ?")) {
      ps.setString(1, sync);
      return ps.executeUpdate() > 0;
    }
  }

  /** Removes the overrides of syncs not in {@code syncs} (the file dropped them); returns their names. */
  public List<String> clearAllBut(Connection c, Collection<String> syncs) throws SQLException {
    List<String> gone = all(c).keySet().stream().filter(sync -> !syncs.contains(sync)).toList();
    for (String sync : gone) {
      clear(c, sync);
    }
    return gone;
  }

  private static Map<String, CronOverride> read(PreparedStatement ps) throws SQLException {
    Map<String, CronOverride> overrides = new LinkedHashMap<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        overrides.put(rs.getString(1), new CronOverride(rs.getString(1), rs.getString(2), rs.getString(3),
            Sql.getInstant(rs, "set_at")));
      }
    }
    return overrides;
  }
}
