package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The retry contract on an H2 file. */
class H2RetryTest extends RetryContract {
  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }
}
