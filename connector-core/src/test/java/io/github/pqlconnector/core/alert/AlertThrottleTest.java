package io.github.pqlconnector.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.state.AlertDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At most one alert per sync and kind per throttle window, on a clock the test moves; new_pqls are never held. */
class AlertThrottleTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  @TempDir Path dir;
  MutableClock clock = new MutableClock(NOW);
  SimpleMeterRegistry registry = new SimpleMeterRegistry();
  StateStore store;

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void aSecondFailureWithinTheWindowIsThrottledAndOneAfterItIsNot() {
    AlertQueue queue = queue("throttle: 1h");
    assertThat(queue.raise(failed("s"))).isTrue();
    clock.advance(Duration.ofMinutes(59));
    assertThat(queue.raise(failed("s"))).isFalse();
    assertThat(queue.raise(failed("other"))).as("another sync has its own window").isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(queue.raise(failed("s"))).isTrue();
    assertThat(pending()).as("two receivers a queued alert").isEqualTo(6);
    assertThat(registry.counter("pql.alerts", "kind", "run_failed", "outcome", "throttled").count()).isEqualTo(1);
    assertThat(registry.counter("pql.alerts", "kind", "run_failed", "outcome", "queued").count()).isEqualTo(3);
  }

  @Test
  void kindsHaveSeparateWindowsAndNewPqlsAreNeverThrottled() {
    AlertQueue queue = queue("throttle: 1h");
    assertThat(queue.raise(failed("s"))).isTrue();
    assertThat(queue.raise(alert("stalled", "s"))).isTrue();
    assertThat(queue.raise(alert("new_pqls", "s"))).isTrue();
    assertThat(queue.raise(alert("new_pqls", "s"))).isTrue();
  }

  @Test
  void kindsNotTurnedOnAreDropped() {
    AlertQueue queue = queue("on: [new_pqls]");
    assertThat(queue.raise(failed("s"))).isFalse();
    assertThat(queue.raise(alert("new_pqls", "s"))).isTrue();
    assertThat(pending()).isEqualTo(2);
  }

  private AlertQueue queue(String extra) {
    PqlConfig config = AlertFixtures.config(dir, "http://localhost:1", "http://localhost:1/pql", extra);
    store = StateStore.open(config.state());
    return new AlertQueue(config.alerts(), store, clock, new AlertMetrics(registry));
  }

  private Alert failed(String sync) {
    return alert("run_failed", sync);
  }

  private Alert alert(String kind, String sync) {
    return new Alert(kind, sync, 1L, clock.instant(), "title", List.of(), null);
  }

  private long pending() {
    return store.read(c -> new AlertDao().count(c, "PENDING"));
  }
}
