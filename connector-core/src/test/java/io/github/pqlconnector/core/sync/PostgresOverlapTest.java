package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The overlap contract on a fresh PostgreSQL schema. */
class PostgresOverlapTest extends OverlapContract {
  @Override
  StateDatabase database() {
    return StateDatabase.POSTGRES;
  }
}
