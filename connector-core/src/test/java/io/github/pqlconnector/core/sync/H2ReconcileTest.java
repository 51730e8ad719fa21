package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.testing.TestDatabases;
import java.nio.file.Path;

class H2ReconcileTest extends ReconcileContract {
  @Override
  StateConfig newState(Path dir) {
    return TestDatabases.h2(dir);
  }
}
