package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The directory-filling run on an embedded H2 file. */
class H2DirectoryRunTest extends DirectoryRunContract {
  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }
}
