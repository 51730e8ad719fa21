package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  @Test
  void waitsAnHourThenSixHoursThenADay() {
    assertThat(RetrySchedule.delayAfter(1)).isEqualTo(Duration.ofHours(1));
    assertThat(RetrySchedule.delayAfter(2)).isEqualTo(Duration.ofHours(6));
    assertThat(RetrySchedule.delayAfter(3)).isEqualTo(Duration.ofDays(1));
    assertThat(RetrySchedule.delayAfter(40)).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void nextAttemptCountsFromTheRefusal() {
    Instant refused = Instant.parse("2026-12-01T10:00:00Z");
    assertThat(RetrySchedule.nextAttempt(refused, 2)).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
  }

  @Test
  void refusalsStartAtOne() {
    assertThatThrownBy(() -> RetrySchedule.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
