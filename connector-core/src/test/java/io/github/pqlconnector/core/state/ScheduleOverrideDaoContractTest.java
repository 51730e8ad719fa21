package io.github.pqlconnector.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.state.ScheduleOverrideDao.CronOverride;
import io.github.pqlconnector.core.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cron overrides set, replaced, read and cleared the same way in H2 and in PostgreSQL (skipped without one). */
class ScheduleOverrideDaoContractTest {
  private static final Instant AT = Instant.parse("2026-12-03T09:15:00Z");

  @TempDir Path dir;
  private final ScheduleOverrideDao dao = new ScheduleOverrideDao();

  @Test
  void h2() {
    contract(TestDatabases.h2(dir));
  }

  @Test
  void postgres() {
    StateConfig config = TestDatabases.postgres();
    try {
      contract(config);
    } finally {
      TestDatabases.dropPostgres(config);
    }
  }

  private void contract(StateConfig config) {
    try (StateStore store = StateStore.open(config)) {
      assertThat(all(store)).isEmpty();

      store.write(c -> {
        dao.set(c, new CronOverride("nightly", "0 0 3 * * ?", "ana", AT));
        dao.set(c, new CronOverride("hourly", "0 0 * * * ?", "ana", AT));
        return null;
      });
      store.write(c -> {
        dao.set(c, new CronOverride("nightly", "0 30 4 * * ?", "bo", AT.plusSeconds(60)));
        return null;
      });
      assertThat(all(store)).as("a second set replaces the first").isEqualTo(Map.of(
          "nightly", new CronOverride("nightly", "0 30 4 * * ?", "bo", AT.plusSeconds(60)),
          "hourly", new CronOverride("hourly", "0 0 * * * ?", "ana", AT)));
      Map<String, CronOverride> some = store.read(c -> dao.of(c, List.of("nightly", "manual")));
      assertThat(some).containsOnlyKeys("nightly");

      Boolean cleared = store.write(c -> dao.clear(c, "hourly"));
      Boolean again = store.write(c -> dao.clear(c, "hourly"));
      assertThat(cleared).isTrue();
      assertThat(again).as("nothing left to clear").isFalse();
      assertThat(all(store)).containsOnlyKeys("nightly");

      store.write(c -> {
        dao.set(c, new CronOverride("gone", "0 0 1 * * ?", "ana", AT));
        return null;
      });
      List<String> dropped = store.write(c -> dao.clearAllBut(c, List.of("nightly")));
      assertThat(dropped).containsExactly("gone");
      assertThat(all(store)).containsOnlyKeys("nightly");
    }
  }

  private Map<String, CronOverride> all(StateStore store) {
    return store.read(c -> dao.all(c));
  }
}
