package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The cron-override contract on an H2 file. */
class H2CronOverridesTest extends CronOverridesContract {
  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }
}
