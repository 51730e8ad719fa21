package io.github.pqlconnector.sources.jdbc;

import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A fresh schema with a random name in the test PostgreSQL (skipped with a message when there is none, a
 * failure under CI=true, as {@link TestDatabases} does), and jdbc source configs pointed at it.
 */
final class Warehouse implements AutoCloseable {
  private final StateConfig created;
  final String schema;
  final String url;

  private Warehouse(StateConfig created) {
    this.created = created;
    this.schema = created.url().replaceAll(".*currentSchema=", "");
    this.url = created.url().replaceAll("\\?.*", "");
  }

  static Warehouse create() {
    return new Warehouse(TestDatabases.postgres());
  }

  /** Runs statements; {@code %s} in each is replaced by the schema name. */
  void sql(String... statements) {
    try (Connection c = DriverManager.getConnection(created.url()); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement.replace("%s", schema));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A connection to the test database with this schema as the default; the caller closes it. */
  Connection connection() throws SQLException {
    return DriverManager.getConnection(created.url());
  }

  JdbcSourceConfig preset(String preset) {
    return config(preset, null, false);
  }

  JdbcSourceConfig custom(String events, @Nullable String users, @Nullable String accounts, boolean pushdown) {
    return config(null, new JdbcSourceConfig.Queries(events.replace("%s", schema),
        users == null ? null : users.replace("%s", schema), accounts == null ? null : accounts.replace("%s", schema)),
        pushdown);
  }

  JdbcSourceConfig config(@Nullable String preset, JdbcSourceConfig.@Nullable Queries queries, boolean pushdown) {
    return new JdbcSourceConfig(url, "postgres", new Secret("not-checked-under-trust-auth"), preset,
        preset == null ? null : schema, queries, 100, pushdown, Duration.ofDays(2));
  }

  @Override
  public void close() {
    TestDatabases.dropPostgres(created);
  }
}
