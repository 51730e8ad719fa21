package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The entity directory contract on a fresh PostgreSQL schema. */
class PostgresEntityDirectoryTest extends EntityDirectoryContract {
  @Override
  StateDatabase database() {
    return StateDatabase.POSTGRES;
  }
}
