package io.github.pqlconnector.core.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.error.StateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The connector's state over JDBC: an embedded H2 file by default, PostgreSQL by URL. Opening it applies
 * the versioned migrations (Flyway, {@code db/migration}). All work runs in {@link #read} or
 * {@link #write} blocks; a write block is one transaction.
 */
public final class StateStore implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final String url;

  private StateStore(HikariDataSource dataSource, String url) {
    this.dataSource = dataSource;
    this.url = url;
  }

  /** A unit of work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  public static StateStore open(StateConfig config) {
    H2Files.databaseFile(config.url()).flatMap(H2Files::problem).ifPresent(problem -> {
      throw new StateException("cannot open the state database " + safeUrl(config.url()) + ": " + problem
          + " (check state.url)", null);
    });
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.url());
    if (config.user() != null) {
      hikari.setUsername(config.user());
    }
    if (config.password() != null) {
      hikari.setPassword(config.password().reveal());
    }
    if (config.isPostgres()) {
      postgresSettings(hikari);
    }
    hikari.setMaximumPoolSize(8);
    hikari.setPoolName("pql-state");
    hikari.setInitializationFailTimeout(1);
    hikari.setConnectionTimeout(10_000);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new StateException("cannot connect to the state database " + safeUrl(config.url()) + ": "
          + firstLine(rootMessage(e)), e);
    }
    try {
      migrate(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new StateStore(dataSource, config.url());
  }

  /**
   * A run fills its tables from empty inside one connection. With server-side prepared statements PostgreSQL
   * soon caches a generic plan made while a table was empty (a sequential scan), and keeps it as the table grows, so
   * each keyed UPDATE scans every row already written: a first run of 32,000 records took 84 s instead of 38 s.
   * Planning each statement with its values avoids that; batched INSERTs go as multi-row statements. A value in
   * the URL wins over these.
   */
  static void postgresSettings(HikariConfig hikari) {
    hikari.addDataSourceProperty("prepareThreshold", "0");
    hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
  }

  private static void migrate(DataSource dataSource) {
    try {
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
          .loggers("slf4j").load().migrate();
    } catch (FlywayException e) {
      throw new StateException("cannot prepare the state database: " + firstLine(e.getMessage()), e);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public <T> T read(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StateException("state database " + safeUrl() + ": " + firstLine(e.getMessage()), e);
    }
  }

  public <T> T write(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StateException("state database " + safeUrl() + ": " + firstLine(e.getMessage()), e);
    }
  }

  /** True when a trivial query answers; for health checks. */
  public boolean isReachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Why runs could not write their state (a read-only database file or connection), or empty when they can; a
   * read-only probe for {@code pql validate}.
   */
  public Optional<String> writeProblem() {
    Optional<String> file = H2Files.databaseFile(url).flatMap(H2Files::problem);
    if (file.isPresent()) {
      return file;
    }
    try (Connection connection = dataSource.getConnection()) {
      return connection.isReadOnly() ? Optional.of("the connection is read-only")
          : Optional.empty();
    } catch (SQLException e) {
      return Optional.of(firstLine(e.getMessage()));
    }
  }

  private String safeUrl() {
    return safeUrl(url);
  }

  /** The URL without its query, where drivers take user and password. */
  private static String safeUrl(String url) {
    int query = url.indexOf('?');
    int semicolon = url.indexOf(';');
    int cut = query < 0 ? semicolon : semicolon < 0 ? query : Math.min(query, semicolon);
    return cut < 0 ? url : url.substring(0, cut);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  private static String firstLine(String message) {
    return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
