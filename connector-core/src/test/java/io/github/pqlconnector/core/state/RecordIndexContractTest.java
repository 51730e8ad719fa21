package io.github.pqlconnector.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.spi.DestinationStore;
import io.github.pqlconnector.core.spi.IndexSummary;
import io.github.pqlconnector.core.spi.IndexUpdate;
import io.github.pqlconnector.core.spi.RecordIndex;
import io.github.pqlconnector.core.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same RecordIndex behaviour in memory, in H2 and in PostgreSQL (skipped without one). */
class RecordIndexContractTest {
  @TempDir Path dir;

  @Test
  void inMemory() {
    contract(DestinationStore.inMemory(), DestinationStore.inMemory());
  }

  @Test
  void h2() {
    onDatabase(TestDatabases.h2(dir), this::contractOn);
  }

  @Test
  void postgres() {
    StateConfig config = TestDatabases.postgres();
    try {
      onDatabase(config, this::contractOn);
    } finally {
      TestDatabases.dropPostgres(config);
    }
  }

  private static void onDatabase(StateConfig config, Consumer<StateStore> test) {
    try (StateStore store = StateStore.open(config)) {
      test.accept(store);
    }
  }

  private void contractOn(StateStore store) {
    contract(new JdbcDestinationStore(store, "crm", Clock.systemUTC()),
        new JdbcDestinationStore(store, "other", Clock.systemUTC()));
  }

  private static void contract(DestinationStore crm, DestinationStore other) {
    RecordIndex index = crm.index("domains");
    assertThat(index.watermark()).isEmpty();
    assertThat(index.lookup(List.of("acme.io"))).isEmpty();

    index.apply(new IndexUpdate(Map.of("7", Set.of("acme.io"), "9", Set.of("acme.io", "beta.io"), "12", Set.of()),
        true, "2026-11-30T15:00:00+03:00"));
    assertThat(index.lookup(List.of("acme.io", "beta.io", "gamma.io")))
        .containsOnlyKeys("acme.io", "beta.io")
        .hasEntrySatisfying("acme.io", ids -> assertThat(ids).containsExactlyInAnyOrder("7", "9"));
    assertThat(index.watermark()).contains("2026-11-30T15:00:00+03:00");
    assertThat(index.summary(10)).isEqualTo(new IndexSummary(2, 1, Map.of("acme.io", List.of("7", "9"))));

    index.apply(new IndexUpdate(Map.of("9", Set.of("beta.io")), false, null));
    assertThat(index.lookup(List.of("acme.io", "beta.io")))
        .isEqualTo(Map.of("acme.io", List.of("7"), "beta.io", List.of("9")));
    assertThat(index.watermark()).as("kept without a new one").contains("2026-11-30T15:00:00+03:00");

    index.remove("7");
    assertThat(index.lookup(List.of("acme.io"))).isEmpty();
    assertThat(crm.index("other-index").lookup(List.of("beta.io"))).as("indexes are apart").isEmpty();
    assertThat(other.index("domains").lookup(List.of("beta.io"))).as("destinations are apart").isEmpty();

    index.apply(new IndexUpdate(Map.of("20", Set.of("delta.io")), true, "2026-12-01T10:00:00+03:00"));
    assertThat(index.lookup(List.of("beta.io", "delta.io"))).isEqualTo(Map.of("delta.io", List.of("20")));
    assertThat(index.summary(10)).isEqualTo(new IndexSummary(1, 0, Map.of()));
    assertThat(index.watermark()).contains("2026-12-01T10:00:00+03:00");
  }
}
