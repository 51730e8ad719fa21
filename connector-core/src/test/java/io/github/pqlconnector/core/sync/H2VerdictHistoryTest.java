package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The verdict history contract on an embedded H2 file. */
class H2VerdictHistoryTest extends VerdictHistoryContract {
  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }
}
