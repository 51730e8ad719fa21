package io.github.pqlconnector.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.testing.TestDatabases;
import java.sql.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The PostgreSQL state store plans every statement with its values: a generic plan cached while a table was empty
 * would scan the whole table for every keyed update once it has grown (a first run three times slower).
 */
class PostgresStateStoreTest {
  final StateConfig state = TestDatabases.postgres();

  @AfterEach
  void drop() {
    TestDatabases.dropPostgres(state);
  }

  @Test
  void statementsAreNeverPreparedOnTheServer() throws Exception {
    try (StateStore store = StateStore.open(state); Connection c = store.dataSource().getConnection()) {
      assertThat(c.unwrap(PGConnection.class).getPrepareThreshold()).isZero();
    }
  }

  @Test
  void theUrlStillWins() throws Exception {
    String url = state.url() + (state.url().contains("?") ? "&" : "?") + "prepareThreshold=7";
    StateConfig own = new StateConfig(url, state.user(), state.password(), false);
    try (StateStore store = StateStore.open(own); Connection c = store.dataSource().getConnection()) {
      assertThat(c.unwrap(PGConnection.class).getPrepareThreshold()).isEqualTo(7);
    }
  }
}
