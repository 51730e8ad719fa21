package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Refused calls counted per destination over a rolling hour, minute by minute. */
class RecentThrottlesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:30Z"));
  private final RecentThrottles throttles = new RecentThrottles(clock);

  @Test
  void countsTheLastHourPerDestination() {
    assertThat(throttles.lastHour("crm")).isZero();
    throttles.record("crm");
    throttles.record("crm");
    throttles.record("other");
    clock.advance(Duration.ofMinutes(30));
    throttles.record("crm");

    assertThat(throttles.lastHour("crm")).isEqualTo(3);
    assertThat(throttles.lastHour("other")).isEqualTo(1);

    clock.advance(Duration.ofMinutes(30));
    assertThat(throttles.lastHour("crm")).as("the first two are an hour old").isEqualTo(1);
    clock.advance(Duration.ofHours(2));
    throttles.record("crm");
    assertThat(throttles.lastHour("crm")).as("old slots are not counted when reused").isEqualTo(1);
  }
}
