package io.github.pqlconnector.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RollingWindowLimiterTest {
  static final long MS = 1_000_000L;
  final RollingWindowLimiter limiter = new RollingWindowLimiter(3, Duration.ofSeconds(1));

  @Test
  void neverMoreThanThePermitsInAnyRollingWindowCountedFromCompletion() {
    call(0, 0);
    call(400 * MS, 400 * MS);
    RollingWindowLimiter.Slot slow = new RollingWindowLimiter.Slot();
    assertThat(limiter.tryAcquire(900 * MS, slow)).isZero();
    limiter.done(slow, 1_200 * MS);
    assertThat(limiter.tryAcquire(1_000 * MS, new RollingWindowLimiter.Slot()))
        .as("a fixed-cycle limiter would refill here").isEqualTo(50 * MS);
    call(1_050 * MS, 1_050 * MS);
    assertThat(limiter.tryAcquire(1_100 * MS, new RollingWindowLimiter.Slot()))
        .as("the slow call frees its slot a window after it completed, not after it was sent")
        .isEqualTo(350 * MS);
    call(1_450 * MS, 1_450 * MS);
    assertThat(limiter.tryAcquire(1_460 * MS, new RollingWindowLimiter.Slot())).isEqualTo(640 * MS);
  }

  @Test
  void callsStillInFlightHoldTheirSlots() {
    RollingWindowLimiter.Slot first = new RollingWindowLimiter.Slot();
    assertThat(limiter.tryAcquire(0, first)).isZero();
    assertThat(limiter.tryAcquire(0, new RollingWindowLimiter.Slot())).isZero();
    assertThat(limiter.tryAcquire(0, new RollingWindowLimiter.Slot())).isZero();
    assertThat(limiter.tryAcquire(5_000 * MS, new RollingWindowLimiter.Slot())).isPositive();
    limiter.done(first, 5_000 * MS);
    assertThat(limiter.tryAcquire(6_000 * MS, new RollingWindowLimiter.Slot())).isEqualTo(50 * MS);
    assertThat(limiter.tryAcquire(6_050 * MS, new RollingWindowLimiter.Slot())).isZero();
  }

  private void call(long sentAt, long doneAt) {
    RollingWindowLimiter.Slot slot = new RollingWindowLimiter.Slot();
    assertThat(limiter.tryAcquire(sentAt, slot)).isZero();
    limiter.done(slot, doneAt);
  }
}
