package io.github.pqlconnector.sources.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The column labels of a query, in order: {@code labels} in lower case, for lookups (which ignore case, so a
 * model's {@code itemCount} finds a column {@code "itemCount"} or {@code itemcount}), and {@code reported} as
 * the warehouse spelled them, for quoting in SQL. A label that repeats resolves to its first column.
 */
record Columns(List<String> labels, List<String> reported) {
  Columns {
    labels = List.copyOf(labels);
    reported = List.copyOf(reported);
  }

  /** The columns {@code query} returns, without reading a row (the warehouse plans the query only). */
  static Columns probe(Connection connection, String query) throws SQLException {
    return probe(connection, query, List.of());
  }

  /** The same for a query with placeholders, bound to {@code params}. */
  static Columns probe(Connection connection, String query, List<Object> params) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM (" + query + ") q WHERE 1 = 0")) {
      SqlParams.bind(statement, params, 1);
      try (ResultSet rows = statement.executeQuery()) {
        return of(rows.getMetaData());
      }
    }
  }

  static Columns of(ResultSetMetaData meta) throws SQLException {
    List<String> reported = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      reported.add(meta.getColumnLabel(i));
    }
    return new Columns(reported.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList(), reported);
  }

  /** The 1-based index of the first column named {@code name} (in any case), or 0 when there is none. */
  int index(String name) {
    return labels.indexOf(name.toLowerCase(Locale.ROOT)) + 1;
  }

  boolean has(String name) {
    return index(name) > 0;
  }

  /** The label of the column named {@code name} as the warehouse reported it; {@code name} must be present. */
  String reported(String name) {
    return reported.get(index(name) - 1);
  }
}
