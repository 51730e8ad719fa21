package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The reconcile contract on an H2 file. */
class H2ReconcileTest extends ReconcileContract {
  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }
}
