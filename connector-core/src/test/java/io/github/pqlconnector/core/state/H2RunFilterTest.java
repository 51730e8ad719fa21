package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The run filter contract on an embedded H2 file. */
class H2RunFilterTest extends RunFilterContract {
  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }
}
