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

  int fetchSize() {
    return config.fetchSize();
  }

  String safeUrl() {
    return config.safeUrl();
  }
}
