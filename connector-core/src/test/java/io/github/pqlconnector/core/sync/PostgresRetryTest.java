package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The retry contract on a fresh PostgreSQL schema. */
class PostgresRetryTest extends RetryContract {
  @Override
  StateDatabase database() {
    return StateDatabase.POSTGRES;
  }
}
