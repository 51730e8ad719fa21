package io.github.pqlconnector.sources.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads rows (column → value) into a new table: a column is double precision when every value is a number,
 * timestamptz when every value is an {@link Instant}, else text. Names are test-controlled identifiers.
 */
final class EventTables {
  private EventTables() {}

  static void load(Warehouse warehouse, String table, List<Map<String, Object>> rows, List<String> columns) {
    Set<String> names = new LinkedHashSet<>(columns);
    rows.forEach(row -> names.addAll(row.keySet()));
    List<String> ordered = new ArrayList<>(names);
    StringBuilder ddl = new StringBuilder("CREATE TABLE %s." + table + " (");
    for (int i = 0; i < ordered.size(); i++) {
      ddl.append(i == 0 ? "" : ", ").append('"').append(ordered.get(i)).append("\" ").append(type(ordered.get(i), rows));
    }
    warehouse.sql(ddl.append(')').toString());
    String insert = "INSERT INTO " + warehouse.schema + "." + table + " VALUES ("
        + String.join(", ", Collections.nCopies(ordered.size(), "?")) + ")";
    try (Connection c = warehouse.connection(); PreparedStatement ps = c.prepareStatement(insert)) {
      for (Map<String, Object> row : rows) {
        for (int i = 0; i < ordered.size(); i++) {
          Object value = row.get(ordered.get(i));
          ps.setObject(i + 1, value instanceof Instant at ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC) : value instanceof Number n
              ? (Object) n.doubleValue() : value == null ? null : value.toString());
        }
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String type(String column, List<Map<String, Object>> rows) {
    boolean numbers = true;
    boolean instants = true;
    boolean any = false;
    for (Map<String, Object> row : rows) {
      Object value = row.get(column);
      if (value != null) {
        any = true;
        numbers &= value instanceof Number;
        instants &= value instanceof Instant;
      }
    }
    return !any ? "text" : numbers ? "double precision" : instants ? "timestamptz" : "text";
  }
}
