package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The CRM traits contract on an embedded H2 file. */
class H2CrmTraitsTest extends CrmTraitsContract {
  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }
}
