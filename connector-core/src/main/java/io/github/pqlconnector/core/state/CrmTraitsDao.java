package io.github.pqlconnector.core.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The CRM fields read as traits, per sync and entity, with the record they came from and when they were read. */
public final class CrmTraitsDao {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {};

  /** One entity's values as last read from its record. */
  public record Cached(String recordId, Map<String, String> values, Instant readAt) {}

  /** The level's cached values by entity id. */
  public Map<String, Cached> load(Connection c, String sync, EntityLevel level) throws SQLException {
    Map<String, Cached> cached = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT entity_id, record_id, trait_values, read_at FROM crm_traits"
        + " WHERE sync_name = ? AND level = ?")) {
      ps.setString(1, sync);
      ps.setString(2, level.id());
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          cached.put(rs.getString(1), new Cached(rs.getString(2), parse(rs.getString(3)),
              Sql.getInstant(rs, "read_at")));
        }
      }
    }
    return cached;
  }

  /** Replaces the values of these entities as read now from their records. */
  public void put(Connection c, String sync, List<Map.Entry<EntityRef, Cached>> rows) throws SQLException {
    Sql.upsert(c, "UPDATE crm_traits SET record_id = ?, trait_values = ?, read_at = ? WHERE sync_name = ?"
            + " AND level = ? AND entity_id = ?",
        "INSERT INTO crm_traits (record_id, trait_values, read_at, sync_name, level, entity_id)"
            + " VALUES (?, ?, ?, ?, ?, ?)", rows, (ps, row) -> {
          ps.setString(1, row.getValue().recordId());
          ps.setString(2, write(row.getValue().values()));
          Sql.setInstant(ps, 3, row.getValue().readAt());
          ps.setString(4, sync);
          ps.setString(5, row.getKey().level().id());
          ps.setString(6, row.getKey().id());
        });
  }

  private static Map<String, String> parse(String json) throws SQLException {
    try {
      return JSON.readValue(json, VALUES);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable crm_traits values: " + e.getOriginalMessage(), e);
    }
  }

  private static String write(Map<String, String> values) throws SQLException {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new SQLException("cannot encode crm_traits values: " + e.getOriginalMessage(), e);
    }
  }
}
