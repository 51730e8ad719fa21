package io.github.pqlconnector.sources.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The per-event tables of a preset's schema and their columns, from the JDBC metadata: no row is read. */
final class EventTableColumns {
  /** A column as the metadata reports it: its name and its {@link java.sql.Types} code. */
  record Column(String name, int type) {}

  private EventTableColumns() {}

  /**
   * Per-event table → its columns by lower-case name, tables in name order. The schema is looked up as
   * written, then in lower and upper case (an unquoted name is folded by the warehouse); {@code db.schema} names
   * the catalog too.
   */
  static Map<String, Map<String, Column>> read(Connection connection, String schema) throws SQLException {
    int dot = schema.indexOf('.');
    String catalog = dot > 0 ? schema.substring(0, dot) : null;
    String name = dot > 0 ? schema.substring(dot + 1) : schema;
    DatabaseMetaData meta = connection.getMetaData();
    List<String> variants = List.of(name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT));
    for (String variant : new LinkedHashSet<>(variants)) {
      Map<String, Map<String, Column>> tables = tables(meta, catalog, variant);
      if (!tables.isEmpty()) {
        return tables;
      }
    }
    return Map.of();
  }

  private static Map<String, Map<String, Column>> tables(DatabaseMetaData meta, @Nullable String catalog,
      String schema) throws SQLException {
    Map<String, Map<String, Column>> tables = new TreeMap<>();
    try (ResultSet rows = meta.getColumns(catalog, pattern(schema, meta.getSearchStringEscape()), "%", "%")) {
      while (rows.next()) {
        String table = rows.getString("TABLE_NAME");
        if (schema.equals(rows.getString("TABLE_SCHEM")) && Preset.isEventTable(table)) {
          String column = rows.getString("COLUMN_NAME");
          tables.computeIfAbsent(table, t -> new HashMap<>())
              .put(column.toLowerCase(Locale.ROOT), new Column(column, rows.getInt("DATA_TYPE")));
        }
      }
    }
    tables.values().removeIf(columns -> !columns.containsKey("id"));
    return tables;
  }

  /** The schema name as a metadata search pattern: its {@code _} and {@code %} match only themselves. */
  private static String pattern(String name, @Nullable String escape) {
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }
}
