package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The verdict history contract on a fresh PostgreSQL schema. */
class PostgresVerdictHistoryTest extends VerdictHistoryContract {
  @Override
  StateDatabase database() {
    return StateDatabase.POSTGRES;
  }
}
