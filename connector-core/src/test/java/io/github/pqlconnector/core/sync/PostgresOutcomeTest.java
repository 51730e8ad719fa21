package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The outcome contract on a fresh PostgreSQL schema. */
class PostgresOutcomeTest extends OutcomeContract {
  @Override
  StateDatabase database() {
    return StateDatabase.POSTGRES;
  }
}
