package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The reconcile contract on a fresh PostgreSQL schema. */
class PostgresReconcileTest extends ReconcileContract {
  @Override
  StateDatabase database() {
    return StateDatabase.POSTGRES;
  }
}
