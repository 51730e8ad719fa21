package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** The conversions read back from a sync's destination, joined to the entities the connector wrote, and the cursor. */
public final class OutcomeDao {
  /** A stored conversion of an entity. */
  public record Converted(EntityRef entity, String source, Instant convertedAt, @Nullable Double amount) {}

  /**
   * Stores {@code outcomes} (a conversion read again replaces its row), then joins every row without an entity to
   * the entity the connector wrote to its record; returns how many rows are joined now.
   */
  public int store(Connection c, String sync, List<Outcome> outcomes, Instant now) throws SQLException {
    Sql.upsert(c, "UPDATE outcomes SET source = ?, level = ?, record_id = ?, entity_id = ?, converted_at = ?,"
            + " amount = ?, read_at = ? WHERE sync_name = ? AND outcome_key = ?",
        "INSERT INTO outcomes (source, level, record_id, entity_id, converted_at, amount, read_at, sync_name,"
            + " outcome_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", outcomes, (ps, o) -> {
          ps.setString(1, o.source());
          ps.setString(2, o.level().id());
          ps.setString(3, o.recordId());
          ps.setString(4, o.entityId());
          Sql.setInstant(ps, 5, o.convertedAt());
          if (o.amount() == null) {
            ps.setNull(6, Types.DOUBLE);
          } else {
            ps.setDouble(6, o.amount());
          }
          Sql.setInstant(ps, 7, now);
          ps.setString(8, sync);
          ps.setString(9, o.key());
        });
    return joinToEntities(c, sync);
  }

  /** Rows whose record the connector has written since: their entity is the one written there. */
  private int joinToEntities(Connection c, String sync) throws SQLException {
    String written = " FROM pushed p WHERE p.sync_name = outcomes.sync_name AND p.level = outcomes.level"
        + " AND p.record_id = outcomes.record_id";
    try (PreparedStatement ps = c.prepareStatement("UPDATE outcomes SET entity_id = (SELECT MIN(p.entity_id)"
        + written + ") WHERE sync_name = ? AND entity_id IS NULL AND EXISTS (SELECT 1" + written + ")")) {
      ps.setString(1, sync);
      return ps.executeUpdate();
    }
  }

  /** How many of the sync's conversions are joined to an entity, and how many are not (yet). */
  public long[] counts(Connection c, String sync) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(entity_id), COUNT(*) FROM outcomes"
        + " WHERE sync_name = ?")) {
      ps.setString(1, sync);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2) - rs.getLong(1)};
      }
    }
  }

  /** Every joined conversion of the sync, oldest first. */
  public void converted(Connection c, String sync, Consumer<Converted> sink) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT level, entity_id, source, converted_at, amount"
        + " FROM outcomes WHERE sync_name = ? AND entity_id IS NOT NULL ORDER BY converted_at, outcome_key")) {
      ps.setString(1, sync);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double amount = rs.getDouble("amount");
          sink.accept(new Converted(new EntityRef(EntityLevel.fromId(rs.getString("level")),
              rs.getString("entity_id")), rs.getString("source"), Sql.getInstant(rs, "converted_at"),
              rs.wasNull() ? null : amount));
        }
      }
    }
  }

  public Optional<String> cursor(Connection c, String sync) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT cursor_value FROM outcome_cursors WHERE sync_name = ?")) {
      ps.setString(1, sync);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Keeps the cursor of the last read; null forgets it (the next read starts from the beginning). */
  public void putCursor(Connection c, String sync, @Nullable String cursor, Instant now) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM outcome_cursors WHERE sync_name = ?")) {
      delete.setString(1, sync);
      delete.executeUpdate();
    }
    if (cursor == null) {
      return;
    }
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO outcome_cursors (sync_name, cursor_value, read_at) VALUES (?, ?, ?)")) {
      insert.setString(1, sync);
      insert.setString(2, cursor);
      Sql.setInstant(insert, 3, now);
      insert.executeUpdate();
    }
  }
}
