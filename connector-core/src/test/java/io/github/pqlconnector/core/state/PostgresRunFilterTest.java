package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The run filter contract on a fresh PostgreSQL schema. */
class PostgresRunFilterTest extends RunFilterContract {
  @Override
  StateDatabase database() {
    return StateDatabase.POSTGRES;
  }
}
