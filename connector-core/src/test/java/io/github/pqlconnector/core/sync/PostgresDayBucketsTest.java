package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The day-bucket contract on a fresh PostgreSQL schema. */
class PostgresDayBucketsTest extends DayBucketsContract {
  @Override
  StateDatabase database() {
    return StateDatabase.POSTGRES;
  }
}
