package io.github.pqlconnector.sources.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Event properties for a preset. Segment and RudderStack write one table per event, named by the slug that
 * {@code tracks.event} holds, with the message id as {@code id} and a column per property (analytics-sources.md
 * §6.2, §6.3). For the properties a read needs, this finds in the warehouse's metadata (no row is read) every
 * per-event table with a column for one of them, and LEFT JOINs just those tables to {@code tracks} on the message
 * id, for the rows of that table's event only. Events of other tables still come from {@code tracks} alone. A
 * property found in several tables is the COALESCE of their columns, as text when the column types differ. Column
 * values keep their warehouse types (numbers stay numbers), booleans and JSON become text.
 */
record PropertyTables(Preset preset, String schema) {
  private static final Set<Integer> NUMBERS = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
      Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL);
  private static final Set<Integer> TEXT_AND_TIME = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
      Types.NVARCHAR, Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE);

  /** The events query of one read, and one message per property that no per-event table holds. */
  record EventsQuery(String sql, List<String> missing) {
    EventsQuery {
      missing = List.copyOf(missing);
    }
  }

  private record Column(String name, int type) {}

  EventsQuery query(Connection connection, Set<String> properties) throws SQLException {
    Map<String, Map<String, Column>> tables = tables(connection);
    Map<String, Map<String, Column>> used = new LinkedHashMap<>();
    StringBuilder select = new StringBuilder();
    List<String> missing = new ArrayList<>();
    for (String property : new TreeSet<>(properties)) {
      if (JdbcQueries.EVENT_COLUMNS.contains(property.toLowerCase(Locale.ROOT))) {
        continue;   // never a property of the events query (see JdbcQueries)
      }
      List<String> candidates = preset.columnsFor(property);
      List<String> values = new ArrayList<>();
      Set<Integer> types = new LinkedHashSet<>();
      tables.forEach((table, columns) -> {
        Column column = find(columns, candidates);
        if (column != null) {
          used.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(column.name(), column);
          values.add(alias(used, table) + "." + quote(column.name()));
          types.add(kept(column.type()) ? column.type() : Types.VARCHAR);
        }
      });
      if (values.isEmpty()) {
        missing.add(missing(property, candidates, tables.size()));
      } else {
        select.append(", ").append(value(values, types)).append(" AS ").append(quote(property));
      }
    }
    StringBuilder joins = new StringBuilder();
    used.forEach((table, columns) -> joins.append(join(table, alias(used, table), columns.values())));
    return new EventsQuery(Preset.events(schema, select.toString(), joins.toString()), missing);
  }

  /**
   * The table's columns, one row per message id (RudderStack's Warehouse Append can load a message twice, which a
   * plain join would multiply), for the {@code tracks} rows of its event. MAX keeps numbers, text and times as they
   * are; other types (booleans, JSON) go through as text, which the connector reads the same way.
   */
  private String join(String table, String alias, Iterable<Column> columns) {
    StringBuilder sql = new StringBuilder(" LEFT JOIN (SELECT id");
    for (Column column : columns) {
      String name = quote(column.name());
      sql.append(", MAX(").append(kept(column.type()) ? name : "CAST(" + name + " AS VARCHAR)").append(") AS ")
          .append(name);
    }
    return sql.append(" FROM ").append(schema).append('.').append(quote(table)).append(" GROUP BY id) ").append(alias)
        .append(" ON ").append(alias).append(".id = t.id AND t.event = '")
        .append(table.toLowerCase(Locale.ROOT).replace("'", "''")).append('\'').toString();
  }

  private static String alias(Map<String, ?> used, String table) {
    return "pql_t" + new ArrayList<>(used.keySet()).indexOf(table);
  }

  private static boolean kept(int type) {
    return NUMBERS.contains(type) || TEXT_AND_TIME.contains(type);
  }

  /**
   * For {@code pql validate}: which per-event tables the schema has. The source does not know the model there,
   * so it cannot say which property is missing; that is reported on each read instead.
   */
  String describe(Connection connection) throws SQLException {
    List<String> names = List.copyOf(tables(connection).keySet());
    if (names.isEmpty()) {
      return "no per-event tables in " + schema + " yet: sum and distinct metrics count nothing until " + preset.id()
          + " creates them";
    }
    String shown = String.join(", ", names.subList(0, Math.min(names.size(), 10)))
        + (names.size() > 10 ? " and " + (names.size() - 10) + " more" : "");
    return names.size() + " per-event tables for event properties (" + shown + ")";
  }

  private String missing(String property, List<String> candidates, int tables) {
    return "property '" + property + "': none of the " + tables + " per-event tables in " + schema
        + " has a column " + String.join(" or ", candidates) + " (" + preset.id()
        + " creates it when the first event with a value arrives); metrics over it count nothing";
  }

  private static @Nullable Column find(Map<String, Column> columns, List<String> candidates) {
    for (String candidate : candidates) {
      Column column = columns.get(candidate);
      if (column != null) {
        return column;
      }
    }
    return null;
  }

  /** One column as it is; several: COALESCE (only one matches a row), as text when their types differ. */
  private static String value(List<String> values, Set<Integer> types) {
    if (values.size() == 1) {
      return values.get(0);
    }
    boolean alike = types.size() == 1 || NUMBERS.containsAll(types);
    return "COALESCE(" + String.join(", ", alike ? values
        : values.stream().map(v -> "CAST(" + v + " AS VARCHAR)").toList()) + ")";
  }

  /**
   * Per-event table → its columns by lower-case name, tables in name order. The schema is looked up as
   * written, then in lower and upper case (an unquoted name is folded by the warehouse); {@code db.schema} names
   * the catalog too.
   */
  private Map<String, Map<String, Column>> tables(Connection connection) throws SQLException {
    int dot = schema.indexOf('.');
    String catalog = dot > 0 ? schema.substring(0, dot) : null;
    String name = dot > 0 ? schema.substring(dot + 1) : schema;
    DatabaseMetaData meta = connection.getMetaData();
    for (String variant : new LinkedHashSet<>(List.of(name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT)))) {
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

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
