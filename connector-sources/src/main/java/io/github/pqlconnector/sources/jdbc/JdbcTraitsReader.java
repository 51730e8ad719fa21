package io.github.pqlconnector.sources.jdbc;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.TraitsSink;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Streams the users or accounts query as {@link Traits}: the key column is the id, a user's {@code account_id}
 * becomes its {@code accountId} trait, every other non-null column a trait named by its label.
 */
final class JdbcTraitsReader {
  private final JdbcConnections connections;
  private final JdbcQueries queries;

  JdbcTraitsReader(JdbcConnections connections, JdbcQueries queries) {
    this.connections = connections;
    this.queries = queries;
  }

  void read(EntityLevel level, String query, TraitsSink sink) throws SQLException {
    try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
      statement.setFetchSize(connections.fetchSize());
      try (ResultSet rows = statement.executeQuery(query)) {
        Columns columns = Columns.of(rows.getMetaData());
        String key = level == EntityLevel.USER ? JdbcQueries.USER_ID : JdbcQueries.ACCOUNT_ID;
        int keyColumn = columns.index(key);
        long number = 0;
        while (rows.next()) {
          number++;
          String id = rows.getString(keyColumn);
          if (id == null || id.isBlank()) {
            sink.reject(level.id() + "s row " + number, "no " + key);
          } else {
            sink.accept(new Traits(new EntityRef(level, id), values(rows, columns, keyColumn, level)));
          }
        }
      } finally {
        connection.rollback();
      }
    }
  }

  private Map<String, String> values(ResultSet rows, Columns columns, int keyColumn, EntityLevel level)
      throws SQLException {
    Map<String, String> values = new HashMap<>();
    int accountColumn = level == EntityLevel.USER ? columns.index(JdbcQueries.ACCOUNT_ID) : 0;
    for (int i = 1; i <= columns.labels().size(); i++) {
      String label = columns.labels().get(i - 1);
      boolean isKey = i == keyColumn || label.equals(JdbcQueries.USER_ID) || label.equals(JdbcQueries.ACCOUNT_ID);
      if (i == accountColumn || isKey || queries.ignores(label) || values.containsKey(label)) {
        continue;
      }
      String value = rows.getString(i);
      if (value != null) {
        values.put(label, value);
      }
    }
    String account = accountColumn == 0 ? null : rows.getString(accountColumn);
    if (account != null) {
      values.put(Traits.ACCOUNT_ID, account);
    }
    return values;
  }
}
