package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The drain contract on a fresh PostgreSQL schema. */
class PostgresDrainTest extends DrainContract {
  @Override
  StateDatabase database() {
    return StateDatabase.POSTGRES;
  }
}
