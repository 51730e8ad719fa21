package io.github.pqlconnector.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.state.AlertDao;
import io.github.pqlconnector.core.testing.AlertRig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At most one alert per sync and kind per throttle window, on a clock the test moves; new_pqls are never held. */
class AlertThrottleTest {
  @TempDir Path dir;
  AlertRig rig;

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void aSecondFailureWithinTheWindowIsThrottledAndOneAfterItIsNot() {
    AlertQueue queue = queue("throttle: 1h");
    assertThat(queue.raise(failed("s"))).isTrue();
    rig.clock.advance(Duration.ofMinutes(59));
    assertThat(queue.raise(failed("s"))).isFalse();
    assertThat(queue.raise(failed("other"))).as("another sync has its own window").isTrue();
    rig.clock.advance(Duration.ofMinutes(1));
    assertThat(queue.raise(failed("s"))).isTrue();
    assertThat(pending()).as("two receivers a queued alert").isEqualTo(6);
    assertThat(rig.count("run_failed", "throttled")).isEqualTo(1);
    assertThat(rig.count("run_failed", "queued")).isEqualTo(3);
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
    rig = new AlertRig(dir, "http://localhost:1", "http://localhost:1/pql", extra, 0);
    return new AlertQueue(rig.config.alerts(), rig.store, rig.clock, rig.metrics());
  }

  private Alert failed(String sync) {
    return alert("run_failed", sync);
  }

  private Alert alert(String kind, String sync) {
    return new Alert(kind, sync, 1L, rig.clock.instant(), "title", List.of(), null);
  }

  private long pending() {
    return rig.store.read(c -> new AlertDao().count(c, "PENDING"));
  }
}
