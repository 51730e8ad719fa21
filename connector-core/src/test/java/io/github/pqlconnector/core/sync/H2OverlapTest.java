package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The overlap contract on an H2 file. */
class H2OverlapTest extends OverlapContract {
  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }
}
