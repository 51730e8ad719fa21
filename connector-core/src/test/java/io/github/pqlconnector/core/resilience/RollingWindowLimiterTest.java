package io.github.pqlconnector.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RollingWindowLimiterTest {
  static final long MS = 1_000_000L;

  @Test
  void neverMoreThanThePermitsInAnyRollingWindow() {
    RollingWindowLimiter limiter = new RollingWindowLimiter(3, Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire(0)).isZero();
    assertThat(limiter.tryAcquire(400 * MS)).isZero();
    assertThat(limiter.tryAcquire(900 * MS)).isZero();
    assertThat(limiter.tryAcquire(1_000 * MS)).as("a fixed-cycle limiter would refill here").isEqualTo(250 * MS);
    assertThat(limiter.tryAcquire(1_250 * MS)).isZero();
    assertThat(limiter.tryAcquire(1_300 * MS)).isEqualTo(350 * MS);
    assertThat(limiter.tryAcquire(1_650 * MS)).isZero();
  }
}
