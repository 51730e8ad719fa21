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

/** The hash of what each record last had confirmed in the CRM; the diff compares against it. */
public final class PushedDao {
  /** A confirmed write: the record, the hash written, and the CRM's record id. */
  public record Pushed(EntityRef entity, String hash, String recordId) {}

  /** The hash of a record whose CRM value drifted: never the hash of a verdict (those are hex). */
  public static final String INVALIDATED = "reconcile:drifted";

  public Map<EntityRef, String> hashes(Connection c, String sync) throws SQLException {
    Map<EntityRef, String> hashes = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT level, entity_id, hash FROM pushed WHERE sync_name = ?")) {
      ps.setString(1, sync);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          hashes.put(new EntityRef(EntityLevel.fromId(rs.getString(1)), rs.getString(2)), rs.getString(3));
        }
      }
    }
    return hashes;
  }

  /** A page of the level's records that have a CRM id, in entity id order after {@code afterId}. */
  public List<Pushed> withRecordIds(Connection c, String sync, EntityLevel level, String afterId, int limit)
      throws SQLException {
    List<Pushed> page = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT entity_id, hash, record_id FROM pushed"
        + " WHERE sync_name = ? AND level = ? AND entity_id > ? AND record_id IS NOT NULL ORDER BY entity_id")) {
      ps.setString(1, sync);
      ps.setString(2, level.id());
      ps.setString(3, afterId);
      ps.setMaxRows(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          page.add(new Pushed(new EntityRef(level, rs.getString(1)), rs.getString(2), rs.getString(3)));
        }
      }
    }
    return page;
  }

  /**
   * Replaces the confirmed hash of these records with one no verdict has, so the next diff queues them again
   * (reconciliation found the CRM holding something else).
   */
  public void invalidate(Connection c, String sync, List<EntityRef> entities) throws SQLException {
    Sql.batch(c, "UPDATE pushed SET hash = ? WHERE sync_name = ? AND level = ? AND entity_id = ?",
        entities, (ps, entity) -> {
          ps.setString(1, INVALIDATED);
          ps.setString(2, sync);
          ps.setString(3, entity.level().id());
          ps.setString(4, entity.id());
        });
  }

  /** Forgets the CRM ids of records the CRM no longer has (deleted or merged), so they are looked up again. */
  public void forgetRecordIds(Connection c, String sync, List<EntityRef> entities) throws SQLException {
    Sql.batch(c, "UPDATE pushed SET record_id = NULL WHERE sync_name = ? AND level = ? AND entity_id = ?",
        entities, (ps, entity) -> {
          ps.setString(1, sync);
          ps.setString(2, entity.level().id());
          ps.setString(3, entity.id());
        });
  }

  public void save(Connection c, String sync, List<Pushed> pushed, Instant at) throws SQLException {
    Sql.upsert(c,
        "UPDATE pushed SET hash = ?, record_id = ?, pushed_at = ? WHERE sync_name = ? AND level = ? AND entity_id = ?",
        "INSERT INTO pushed (hash, record_id, pushed_at, sync_name, level, entity_id) VALUES (?, ?, ?, ?, ?, ?)",
        pushed, (ps, row) -> {
          ps.setString(1, row.hash());
          ps.setString(2, row.recordId());
          Sql.setInstant(ps, 3, at);
          ps.setString(4, sync);
          ps.setString(5, row.entity().level().id());
          ps.setString(6, row.entity().id());
        });
  }
}
