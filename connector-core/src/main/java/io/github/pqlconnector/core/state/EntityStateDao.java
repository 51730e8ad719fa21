package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.EntityState;
import io.github.pqlconnector.core.model.PqlStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Remembered entity states per sync; only states that changed are written. */
public final class EntityStateDao {
  public Map<EntityRef, EntityState> load(Connection c, String sync) throws SQLException {
    Map<EntityRef, EntityState> states = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT level, entity_id, status, score, qualified_at, below_since, types_since FROM entity_state"
            + " WHERE sync_name = ?")) {
      ps.setString(1, sync);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          EntityRef entity = new EntityRef(EntityLevel.fromId(rs.getString("level")), rs.getString("entity_id"));
          int score = rs.getInt("score");
          states.put(entity, new EntityState(PqlStatus.fromId(rs.getString("status")),
              rs.wasNull() ? EntityState.UNKNOWN_SCORE : score, Sql.getInstant(rs, "qualified_at"), Sql.getInstant(rs, "below_since"),
              decodeTypes(rs.getString("types_since"))));
        }
      }
    }
    return states;
  }

  public void save(Connection c, String sync, Map<EntityRef, EntityState> changed) throws SQLException {
    List<Map.Entry<EntityRef, EntityState>> rows = new ArrayList<>(changed.entrySet());
    Sql.upsert(c,
        "UPDATE entity_state SET status = ?, qualified_at = ?, below_since = ?, types_since = ?, score = ?"
            + " WHERE sync_name = ? AND level = ? AND entity_id = ?",
        "INSERT INTO entity_state (status, qualified_at, below_since, types_since, score, sync_name, level,"
            + " entity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows, (ps, row) -> {
          EntityState state = row.getValue();
          ps.setString(1, state.status().id());
          Sql.setInstant(ps, 2, state.qualifiedAt());
          Sql.setInstant(ps, 3, state.belowSince());
          ps.setString(4, encodeTypes(state.typesSince()));
          ps.setInt(5, state.score());
          ps.setString(6, sync);
          ps.setString(7, row.getKey().level().id());
          ps.setString(8, row.getKey().id());
        });
  }

  static String encodeTypes(Map<String, Instant> types) {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(types).forEach((type, since) ->
        out.append(out.length() == 0 ? "" : ";").append(type).append('=').append(since.toEpochMilli()));
    return out.toString();
  }

  static Map<String, Instant> decodeTypes(String text) {
    Map<String, Instant> types = new HashMap<>();
    if (text != null && !text.isEmpty()) {
      for (String pair : text.split(";")) {
        int eq = pair.lastIndexOf('=');
        types.put(pair.substring(0, eq), Instant.ofEpochMilli(Long.parseLong(pair.substring(eq + 1))));
      }
    }
    return types;
  }
}
