package io.github.pqlconnector.sources.jdbc;

import io.github.pqlconnector.core.spi.CheckResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code pql validate}: connects and plans each query without reading a row (read-only), then checks that
 * each returns the columns it must. Says which query, table or column is wrong, or that the login failed.
 */
final class JdbcCheck {
  private final JdbcConnections connections;
  private final JdbcQueries queries;
  private final String mode;

  JdbcCheck(JdbcConnections connections, JdbcQueries queries, String mode) {
    this.connections = connections;
    this.queries = queries;
    this.mode = mode;
  }

  CheckResult run() {
    String what = "the warehouse";
    try (Connection connection = connections.open()) {
      List<String> problems = new ArrayList<>();
      what = "the events query (" + mode + ")";
      Columns events = Columns.probe(connection, queries.events());
      require(problems, "events", events, JdbcQueries.EVENT, JdbcQueries.TIMESTAMP);
      if (!events.has(JdbcQueries.USER_ID) && !events.has(JdbcQueries.ACCOUNT_ID)) {
        problems.add("the events query returns neither a user_id nor an account_id column");
      }
      what = "the users query (" + mode + ")";
      probe(connection, problems, "users", queries.users(), JdbcQueries.USER_ID);
      what = "the accounts query (" + mode + ")";
      probe(connection, problems, "accounts", queries.accounts(), JdbcQueries.ACCOUNT_ID);
      what = "the per-event tables (" + mode + ")";
      PropertyTables propertyTables = queries.propertyTables();
      String tables = propertyTables == null ? "" : "; " + propertyTables.describe(connection);
      connection.rollback();
      return problems.isEmpty()
          ? CheckResult.ok("connected to " + connections.safeUrl() + "; the " + mode + " queries return the columns "
              + "needed" + tables)
          : new CheckResult(CheckResult.Status.INVALID, String.join("; ", problems));
    } catch (SQLException e) {
      return new CheckResult(SqlErrors.status(e), SqlErrors.describe(e, connections.safeUrl(), what));
    }
  }

  private static void probe(Connection connection, List<String> problems, String name, @Nullable String query,
      String key) throws SQLException {
    if (query != null) {
      require(problems, name, Columns.probe(connection, query), key);
    }
  }

  private static void require(List<String> problems, String query, Columns columns, String... names) {
    for (String name : names) {
      if (!columns.has(name)) {
        problems.add("the " + query + " query returns no " + name + " column (it returns " + columns.labels() + ")");
      }
    }
  }
}
