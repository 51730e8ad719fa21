package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The directory-filling run on a fresh PostgreSQL schema. */
class PostgresDirectoryRunTest extends DirectoryRunContract {
  @Override
  StateDatabase database() {
    return StateDatabase.POSTGRES;
  }
}
