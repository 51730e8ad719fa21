package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.testing.StateDatabase;

/** The day-bucket contract on an H2 file. */
class H2DayBucketsTest extends DayBucketsContract {
  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }
}
