package io.github.pqlconnector.sources.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import io.github.pqlconnector.sources.jdbc.EventTableColumns.Column;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

  /**
   * The events query of one read, the values of its placeholders (they come before any the caller adds around
   * it), and one message per property that no per-event table holds.
   */
  record EventsQuery(String sql, List<Object> params, List<String> missing) {
    EventsQuery {
      params = List.copyOf(params);
      missing = List.copyOf(missing);
    }
  }

  /** How far around the range per-event rows are read: a copy of the message's time, give or take a loader's rounding. */
  static final Duration MARGIN = Duration.ofDays(1);

  /** The events query for {@code properties}; per-event rows are read near [from, to) only (see {@link #join}). */
  EventsQuery query(Connection connection, Set<String> properties, Instant from, Instant to) throws SQLException {
    Map<String, Map<String, Column>> tables = EventTableColumns.read(connection, schema);
    Map<String, Map<String, Column>> used = new LinkedHashMap<>();
    StringBuilder select = new StringBuilder();
    List<String> missing = new ArrayList<>();
    for (String property : new TreeSet<>(properties)) {
      if (JdbcQueries.EVENT_COLUMNS.contains(property.toLowerCase(Locale.ROOT))) {
        continue;   // never a property of the events query (see JdbcQueries)
      }
      String value = value(property, tables, used);
      if (value == null) {
        missing.add(missing(property, preset.columnsFor(property), tables.size()));
      } else {
        select.append(", ").append(value).append(" AS ").append(quote(property));
      }
    }
    StringBuilder joins = new StringBuilder();
    List<Object> params = new ArrayList<>();
    used.forEach((table, columns) -> {
      boolean timed = tables.get(table).containsKey(JdbcQueries.TIMESTAMP);
      joins.append(join(table, alias(used, table), columns.values(), timed));
      if (timed) {
        params.add(from.minus(MARGIN));
        params.add(to.plus(MARGIN));
      }
    });
    return new EventsQuery(Preset.events(schema, select.toString(), joins.toString()), params, missing);
  }

  /** The SQL value of {@code property} over the tables that hold it (noted in {@code used}); null when none does. */
  private @Nullable String value(String property, Map<String, Map<String, Column>> tables,
      Map<String, Map<String, Column>> used) {
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
    return values.isEmpty() ? null : value(values, types);
  }

  /**
   * The table's columns, one row per message id (RudderStack's Warehouse Append can load a message twice, which a
   * plain join would multiply), for the {@code tracks} rows of its event. MAX keeps numbers, text and times as they
   * are; other types (booleans, JSON) go through as text, which the connector reads the same way. When the table
   * has the message's {@code timestamp} (both tools copy it from the message), only rows within {@link #MARGIN} of
   * the range are read, so an incremental read does not scan the table's whole history.
   */
  private String join(String table, String alias, Iterable<Column> columns, boolean timed) {
    StringBuilder sql = new StringBuilder(" LEFT JOIN (SELECT id");
    for (Column column : columns) {
      String name = quote(column.name());
      sql.append(", MAX(").append(kept(column.type()) ? name : "CAST(" + name + " AS VARCHAR)").append(") AS ")
          .append(name);
    }
    sql.append(" FROM ").append(schema).append('.').append(quote(table));
    if (timed) {
      sql.append(" WHERE timestamp >= ? AND timestamp < ?");
    }
    return sql.append(" GROUP BY id) ").append(alias)
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
    List<String> names = List.copyOf(EventTableColumns.read(connection, schema).keySet());
    if (names.isEmpty()) {
      return "no per-event tables in " + schema + " yet: sum and distinct metrics count nothing until " + preset.id()
          + " creates them";
    }
    String shown = String.join(", ", names.subList(0, Math.min(names.size(), 10)))
        + (names.size() > 10 ? " and " + (names.size() - 10) + " more" : "");
    return names.size() + " per-event tables for event properties (" + shown + ")";
  }

  private String missing(String property, List<String> candidates, int tables) {
    String where = tables == 0 ? "there are no per-event tables in " + schema + " to hold a column "
        : "none of the " + tables + " per-event tables in " + schema + " has a column ";
    return "property '" + property + "': " + where + String.join(" or ", candidates) + " (" + preset.id()
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

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
