package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The CRM traits contract on a fresh PostgreSQL schema. */
class PostgresCrmTraitsTest extends CrmTraitsContract {
  @Override
  StateDatabase database() {
    return StateDatabase.POSTGRES;
  }
}
