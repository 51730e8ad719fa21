package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The sync-runner contract on a fresh PostgreSQL schema. */
class PostgresSyncRunnerTest extends SyncRunnerContract {
  @Override
  StateDatabase database() {
    return StateDatabase.POSTGRES;
  }
}
