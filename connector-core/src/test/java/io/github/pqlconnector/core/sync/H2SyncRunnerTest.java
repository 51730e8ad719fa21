package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The sync-runner contract on an H2 file. */
class H2SyncRunnerTest extends SyncRunnerContract {
  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }
}
