package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The outcome contract on an embedded H2 file. */
class H2OutcomeTest extends OutcomeContract {
  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }
}
