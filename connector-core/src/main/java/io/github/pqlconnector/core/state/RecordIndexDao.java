package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.spi.IndexSummary;
import io.github.pqlconnector.core.spi.IndexUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rows behind {@link JdbcDestinationStore}: {@code record_index} (key → record) and {@code record_index_marks}. */
public final class RecordIndexDao {
  private static final int IN_CHUNK = 500;
  private static final String SCOPE = "destination_name = ? AND index_name = ?";

  /** Which index: a destination's name and the index's name. */
  public record Scope(String destination, String index) {}

  public Map<String, List<String>> lookup(Connection c, Scope scope, Collection<String> keys) throws SQLException {
    List<String> all = List.copyOf(new LinkedHashSet<>(keys));
    Map<String, List<String>> found = new LinkedHashMap<>();
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
      String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps = c.prepareStatement("SELECT index_key, record_id FROM record_index WHERE " + SCOPE
          + " AND index_key IN (" + marks + ")")) {
        bind(ps, scope);
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(3 + i, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
          }
        }
      }
    }
    return found;
  }

  public void apply(Connection c, Scope scope, IndexUpdate update, Instant now) throws SQLException {
    if (update.rebuild()) {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM record_index WHERE " + SCOPE)) {
        bind(ps, scope);
        ps.executeUpdate();
      }
    } else {
      Sql.batch(c, "DELETE FROM record_index WHERE " + SCOPE + " AND record_id = ?",
          List.copyOf(update.keysByRecord().keySet()), (ps, record) -> {
            bind(ps, scope);
            ps.setString(3, record);
          });
    }
    List<Map.Entry<String, String>> rows = new ArrayList<>();
    update.keysByRecord().forEach((record, keys) -> keys.forEach(key -> rows.add(Map.entry(key, record))));
    Sql.batch(c, "INSERT INTO record_index (destination_name, index_name, index_key, record_id) VALUES (?, ?, ?, ?)",
        rows, (ps, row) -> {
          bind(ps, scope);
          ps.setString(3, row.getKey());
          ps.setString(4, row.getValue());
        });
    if (update.watermark() != null) {
      Sql.upsert(c, "UPDATE record_index_marks SET watermark = ?, updated_at = ? WHERE " + SCOPE,
          "INSERT INTO record_index_marks (watermark, updated_at, destination_name, index_name) VALUES (?, ?, ?, ?)",
          List.of(update.watermark()), (ps, watermark) -> {
            ps.setString(1, watermark);
            Sql.setInstant(ps, 2, now);
            ps.setString(3, scope.destination());
            ps.setString(4, scope.index());
          });
    }
  }

  public void remove(Connection c, Scope scope, String recordId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM record_index WHERE " + SCOPE + " AND record_id = ?")) {
      bind(ps, scope);
      ps.setString(3, recordId);
      ps.executeUpdate();
    }
  }

  public Optional<String> watermark(Connection c, Scope scope) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT watermark FROM record_index_marks WHERE " + SCOPE)) {
      bind(ps, scope);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  public IndexSummary summary(Connection c, Scope scope, int sample) throws SQLException {
    long records = count(c, "SELECT COUNT(DISTINCT record_id) FROM record_index WHERE " + SCOPE, scope);
    String sharedKeys = "SELECT index_key FROM record_index WHERE " + SCOPE
        + " GROUP BY index_key HAVING COUNT(*) > 1";
    long shared = count(c, "SELECT COUNT(*) FROM (" + sharedKeys + ") s", scope);
    Map<String, List<String>> samples = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT index_key, record_id FROM record_index WHERE " + SCOPE
        + " AND index_key IN (SELECT index_key FROM (" + sharedKeys + " ORDER BY index_key LIMIT " + sample
        + ") k) ORDER BY index_key, record_id")) {
      bind(ps, scope);
      ps.setString(3, scope.destination());
      ps.setString(4, scope.index());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          samples.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    return new IndexSummary(records, shared, samples);
  }

  private static long count(Connection c, String sql, Scope scope) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, scope);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void bind(PreparedStatement ps, Scope scope) throws SQLException {
    ps.setString(1, scope.destination());
    ps.setString(2, scope.index());
  }
}
