package io.github.pqlconnector.core.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where each sync's incremental source read up to; saved only after the run's results are safe. */
public final class CursorDao {
  public Optional<String> get(Connection c, String sync) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT cursor_value FROM cursors WHERE sync_name = ?")) {
      ps.setString(1, sync);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  public void put(Connection c, String sync, String cursor, Instant now) throws SQLException {
    Sql.upsert(c, "UPDATE cursors SET cursor_value = ?, updated_at = ? WHERE sync_name = ?",
        "INSERT INTO cursors (cursor_value, updated_at, sync_name) VALUES (?, ?, ?)",
        List.of(cursor), (ps, value) -> {
          ps.setString(1, value);
          Sql.setInstant(ps, 2, now);
          ps.setString(3, sync);
        });
  }
}
