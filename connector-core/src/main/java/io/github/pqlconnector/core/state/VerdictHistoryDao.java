package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.PqlStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Every change of an entity's status or score, per sync, with when it was decided and by which run. */
public final class VerdictHistoryDao {
  /** A verdict as the history keeps it: status, score, the strongest signal type (if any) and activation. */
  public record Verdict(PqlStatus status, int score, @Nullable String type, double activationPct) {}

  /** One change: from {@code at} on, the entity had {@code verdict}, decided by run {@code runId}. */
  public record Change(EntityRef entity, Instant at, Verdict verdict, long runId) {
    public PqlStatus status() {
      return verdict.status();
    }

    public int score() {
      return verdict.score();
    }
  }

  /** Records the verdicts of {@code changed} as of {@code at}, decided by run {@code runId}. */
  public void record(Connection c, String sync, long runId, Instant at, Map<EntityRef, Verdict> changed)
      throws SQLException {
    Sql.batch(c, "INSERT INTO verdict_history (sync_name, level, entity_id, changed_at, status, score, primary_type,"
        + " activation_pct, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new ArrayList<>(changed.entrySet()),
        (ps, row) -> {
          Verdict verdict = row.getValue();
          ps.setString(1, sync);
          ps.setString(2, row.getKey().level().id());
          ps.setString(3, row.getKey().id());
          Sql.setInstant(ps, 4, at);
          ps.setString(5, verdict.status().id());
          ps.setInt(6, verdict.score());
          ps.setString(7, verdict.type());
          ps.setDouble(8, verdict.activationPct());
          ps.setLong(9, runId);
        });
  }

  /** The entity's changes, oldest first. */
  public List<Change> of(Connection c, String sync, EntityRef entity) throws SQLException {
    List<Change> changes = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT level, entity_id, changed_at, status, score, primary_type, activation_pct, run_id"
        + " FROM verdict_history WHERE sync_name = ? AND level = ? AND entity_id = ? ORDER BY changed_at, run_id")) {
      ps.setString(1, sync);
      ps.setString(2, entity.level().id());
      ps.setString(3, entity.id());
      read(ps, changes::add);
    }
    return changes;
  }

  /** Every change of the sync since {@code from}, oldest first, to {@code sink} (streamed: it can be large). */
  public void since(Connection c, String sync, Instant from, Consumer<Change> sink) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT level, entity_id, changed_at, status, score, primary_type, activation_pct, run_id"
        + " FROM verdict_history WHERE sync_name = ? AND changed_at >= ? ORDER BY changed_at, run_id")) {
      ps.setString(1, sync);
      Sql.setInstant(ps, 2, from);
      ps.setFetchSize(1000);
      read(ps, sink);
    }
  }

  /** Forgets the sync's changes from before {@code before} (the retention); returns how many. */
  public int prune(Connection c, String sync, Instant before) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM verdict_history WHERE sync_name = ? AND changed_at < ?")) {
      ps.setString(1, sync);
      Sql.setInstant(ps, 2, before);
      return ps.executeUpdate();
    }
  }

  private static void read(PreparedStatement ps, Consumer<Change> sink) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        EntityRef entity = new EntityRef(EntityLevel.fromId(rs.getString("level")), rs.getString("entity_id"));
        Verdict verdict = new Verdict(PqlStatus.fromId(rs.getString("status")), rs.getInt("score"),
            rs.getString("primary_type"), rs.getDouble("activation_pct"));
        sink.accept(new Change(entity, Sql.getInstant(rs, "changed_at"), verdict, rs.getLong("run_id")));
      }
    }
  }
}
