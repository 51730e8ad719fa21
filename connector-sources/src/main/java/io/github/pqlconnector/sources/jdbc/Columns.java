package io.github.pqlconnector.sources.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The column labels of a query, in order, lower case; a label that repeats resolves to its first column. */
record Columns(List<String> labels) {
  Columns {
    labels = List.copyOf(labels);
  }

  /** The columns {@code query} returns, without reading a row (the warehouse plans the query only). */
  static Columns probe(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM (" + query + ") q WHERE 1 = 0")) {
      return of(rows.getMetaData());
    }
  }

  static Columns of(ResultSetMetaData meta) throws SQLException {
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      labels.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
    }
    return new Columns(labels);
  }

  /** The 1-based index of the first column named {@code name}, or 0 when there is none. */
  int index(String name) {
    return labels.indexOf(name) + 1;
  }

  boolean has(String name) {
    return labels.contains(name);
  }
}
