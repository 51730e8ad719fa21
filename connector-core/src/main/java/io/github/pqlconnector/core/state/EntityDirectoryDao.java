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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The entity directory per sync: the keys the admin console filters and searches by, next to the state's status,
 * score and qualified-at and the pushed record id. Runs write only the entries that changed.
 */
public final class EntityDirectoryDao {
  /** What the directory keeps of an entity besides its state: normalised email and domain, type, CRM owner. */
  public record Entry(@Nullable String email, @Nullable String domain, @Nullable String type,
      @Nullable String owner) {
    public Entry withOwner(@Nullable String newOwner) {
      return new Entry(email, domain, type, newOwner);
    }
  }

  /** One line of the PQLs page. */
  public record Row(EntityRef entity, PqlStatus status, int score, @Nullable String type, @Nullable String owner,
      @Nullable String email, @Nullable String domain, @Nullable Instant qualifiedAt, @Nullable String recordId) {}

  public Map<EntityRef, Entry> load(Connection c, String sync) throws SQLException {
    Map<EntityRef, Entry> entries = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT level, entity_id, email, domain, primary_type, owner_id"
        + " FROM entity_directory WHERE sync_name = ?")) {
      ps.setString(1, sync);
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.put(new EntityRef(EntityLevel.fromId(rs.getString(1)), rs.getString(2)),
              new Entry(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
        }
      }
    }
    return entries;
  }

  public void save(Connection c, String sync, Map<EntityRef, Entry> changed) throws SQLException {
    Sql.upsert(c, "UPDATE entity_directory SET email = ?, domain = ?, primary_type = ?, owner_id = ?"
            + " WHERE sync_name = ? AND level = ? AND entity_id = ?",
        "INSERT INTO entity_directory (email, domain, primary_type, owner_id, sync_name, level, entity_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        new ArrayList<>(changed.entrySet()), (ps, row) -> {
          Entry entry = row.getValue();
          ps.setString(1, entry.email());
          ps.setString(2, entry.domain());
          ps.setString(3, entry.type());
          ps.setString(4, entry.owner());
          ps.setString(5, sync);
          ps.setString(6, row.getKey().level().id());
          ps.setString(7, row.getKey().id());
        });
  }

  /** The query's page, in its order. */
  public List<Row> page(Connection c, EntityQuery query) throws SQLException {
    DirectoryFilter filter = DirectoryFilter.of(query);
    String order = switch (query.sort()) {
      case SCORE -> "s.score DESC NULLS LAST";
      case QUALIFIED_AT -> "s.qualified_at DESC NULLS LAST";
    };
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT s.level, s.entity_id, s.status, s.score, s.qualified_at,"
        + " d.primary_type, d.owner_id, d.email, d.domain, p.record_id" + DirectoryFilter.FROM + filter.where()
        + " ORDER BY " + order + ", s.level, s.entity_id LIMIT ? OFFSET ?")) {
      int next = filter.bind(ps);
      ps.setInt(next, query.limit());
      ps.setInt(next + 1, query.offset());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
    }
    return rows;
  }

  /** The entity's row, or empty when no run has decided it. */
  public Optional<Row> of(Connection c, String sync, EntityRef entity) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT s.level, s.entity_id, s.status, s.score, s.qualified_at,"
        + " d.primary_type, d.owner_id, d.email, d.domain, p.record_id" + DirectoryFilter.FROM
        + " WHERE s.sync_name = ? AND s.level = ? AND s.entity_id = ?")) {
      ps.setString(1, sync);
      ps.setString(2, entity.level().id());
      ps.setString(3, entity.id());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  /** How many entities the query matches on all pages. */
  public long count(Connection c, EntityQuery query) throws SQLException {
    DirectoryFilter filter = DirectoryFilter.of(query);
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + DirectoryFilter.FROM + filter.where())) {
      filter.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The sync's distinct CRM owners, sorted: the owner filter's choices. */
  public List<String> owners(Connection c, String sync) throws SQLException {
    return distinct(c, sync, "owner_id");
  }

  /** The sync's distinct primary signal types, sorted: the type filter's choices. */
  public List<String> types(Connection c, String sync) throws SQLException {
    return distinct(c, sync, "primary_type");
  }

  private static List<String> distinct(Connection c, String sync, String column) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT " + column + " FROM entity_directory"
        + " WHERE sync_name = ? AND " + column + " IS NOT NULL ORDER BY " + column)) {
      ps.setString(1, sync);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
    }
    return values;
  }

  private static Row row(ResultSet rs) throws SQLException {
    EntityRef entity = new EntityRef(EntityLevel.fromId(rs.getString("level")), rs.getString("entity_id"));
    return new Row(entity, PqlStatus.fromId(rs.getString("status")), rs.getInt("score"), rs.getString("primary_type"),
        rs.getString("owner_id"), rs.getString("email"), rs.getString("domain"), Sql.getInstant(rs, "qualified_at"),
        rs.getString("record_id"));
  }
}
