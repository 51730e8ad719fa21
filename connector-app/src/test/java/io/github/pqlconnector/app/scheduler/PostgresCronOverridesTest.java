package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The cron-override contract on a fresh PostgreSQL schema, with the Quartz job store clustered. */
class PostgresCronOverridesTest extends CronOverridesContract {
  @Override
  StateDatabase database() {
    return StateDatabase.POSTGRES;
  }
}
