package io.github.pqlconnector.core.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** When each sync last read the CRM back, and what it found: checked, drifted and gone records, per run. */
public final class ReconciliationDao {
  /** One reconciliation as stored. */
  public record Row(String sync, long runId, Instant at, int checked, int drifted, int gone) {}

  public void record(Connection c, Row row) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO reconciliations (sync_name, run_id, reconciled_at,"
        + " checked, drifted, gone) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, row.sync());
      ps.setLong(2, row.runId());
      Sql.setInstant(ps, 3, row.at());
      ps.setInt(4, row.checked());
      ps.setInt(5, row.drifted());
      ps.setInt(6, row.gone());
      ps.executeUpdate();
    }
  }

  /** The newest reconciliation of the sync, if it ever reconciled. */
  public Optional<Row> last(Connection c, String sync) throws SQLException {
    return one(c, "SELECT sync_name, run_id, reconciled_at, checked, drifted, gone FROM reconciliations"
        + " WHERE sync_name = ? ORDER BY reconciled_at DESC, id DESC", sync);
  }

  /** The reconciliation a run started with, if it did. */
  public Optional<Row> ofRun(Connection c, long runId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT sync_name, run_id, reconciled_at, checked, drifted, gone"
        + " FROM reconciliations WHERE run_id = ?")) {
      ps.setLong(1, runId);
      return first(ps);
    }
  }

  private static Optional<Row> one(Connection c, String sql, String sync) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, sync);
      return first(ps);
    }
  }

  private static Optional<Row> first(PreparedStatement ps) throws SQLException {
    ps.setMaxRows(1);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(new Row(rs.getString("sync_name"), rs.getLong("run_id"),
          Sql.getInstant(rs, "reconciled_at"), rs.getInt("checked"), rs.getInt("drifted"), rs.getInt("gone")));
    }
  }
}
