package io.github.pqlconnector.core.testing;

import io.github.pqlconnector.core.config.StateConfig;
import java.nio.file.Path;

/**
 * The databases a state-store contract runs on, so that each concrete test names its database and nothing
 * else: an H2 file in the test's directory, or a fresh schema in the local PostgreSQL (skipped without one, a
 * failure under CI, as {@link TestDatabases} does), dropped afterwards.
 */
public enum StateDatabase {
  H2 {
    @Override
    public StateConfig create(Path dir) {
      return TestDatabases.h2(dir);
    }
  },
  POSTGRES {
    @Override
    public StateConfig create(Path dir) {
      return TestDatabases.postgres();
    }

    @Override
    public void drop(StateConfig state) {
      TestDatabases.dropPostgres(state);
    }
  };

  /** A new, empty state database; {@code dir} is where a file database may live. */
  public abstract StateConfig create(Path dir);

  /** Removes what {@link #create} made that the test's directory does not hold. */
  public void drop(StateConfig state) {}
}
