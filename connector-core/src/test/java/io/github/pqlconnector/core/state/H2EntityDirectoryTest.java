package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The entity directory contract on an embedded H2 file. */
class H2EntityDirectoryTest extends EntityDirectoryContract {
  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }
}
