package io.github.pqlconnector.sources.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens read-only connections with autocommit off: PostgreSQL streams a result with a fetch size only inside a
 * transaction (otherwise it reads the whole result into memory). One connection per read; a run makes a few.
 */
final class JdbcConnections {
  private final JdbcSourceConfig config;

  JdbcConnections(JdbcSourceConfig config) {
    this.config = config;
  }

  Connection open() throws SQLException {
    Properties properties = new Properties();
    if (config.username() != null) {
      properties.setProperty("user", config.username());
    }
    if (config.password() != null) {
      properties.setProperty("password", config.password().reveal());
    }
    requireDriver();
    Connection connection = DriverManager.getConnection(config.url(), properties);
    try {
      connection.setReadOnly(true);
      connection.setAutoCommit(false);
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  /** Without a driver for the URL, DriverManager says "No suitable driver" as a connection error; say what to do. */
  private void requireDriver() throws SQLException {
    try {
      DriverManager.getDriver(config.url());
    } catch (SQLException e) {
      throw new SQLException("no JDBC driver on the class path accepts " + safeUrl()
          + "; add the warehouse's JDBC driver jar (PostgreSQL's is bundled)", "42000", e);
    }
  }

  int fetchSize() {
    return config.fetchSize();
  }

  String safeUrl() {
    return config.safeUrl();
  }
}
