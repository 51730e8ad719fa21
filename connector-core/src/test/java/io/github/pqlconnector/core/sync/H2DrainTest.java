package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The drain contract on an H2 file. */
class H2DrainTest extends DrainContract {
  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }
}
