package io.github.pqlconnector.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The DuckDB side of {@link DuckDbComparison} as a process of its own, so that it is timed and its memory measured as
 * {@code pql plan} is: runs the statements of a SQL file ({@code duckdb-metrics.sql}, written by DuckDbComparison;
 * statements end with {@code ;} at the end of a line) on an in-memory DuckDB and reads every row of the last one.
 * Usage: {@code DuckDbRunner <sql file>}.
 */
public final class DuckDbRunner {
  private DuckDbRunner() {}

  public static void main(String[] args) throws IOException, SQLException {
    if (args.length != 1) {
      System.err.println("usage: DuckDbRunner <sql file>");
      System.exit(2);
    }
    List<String> statements = split(Files.readString(Path.of(args[0])));
    long started = System.nanoTime();
    long rows = 0;
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
      for (String sql : statements.subList(0, statements.size() - 1)) {
        st.execute(sql);
      }
      try (ResultSet rs = st.executeQuery(statements.get(statements.size() - 1))) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= columns; i++) {
            rs.getObject(i);
          }
          rows++;
        }
      }
    }
    System.out.printf("duckdb: %,d rows in %.2f s%n", rows, (System.nanoTime() - started) / 1e9);
  }

  /** The statements of a file written by {@link #join}. */
  static List<String> split(String sql) {
    return Arrays.stream(sql.split(";\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  static String join(List<String> statements) {
    return String.join(";\n\n", statements) + ";\n";
  }
}
