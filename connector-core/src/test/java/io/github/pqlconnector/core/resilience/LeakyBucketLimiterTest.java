package io.github.pqlconnector.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LeakyBucketLimiterTest {
  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(0);
  private final List<Duration> sleeps = new ArrayList<>();
  private final Sleeper fakeSleep = d -> {
    sleeps.add(d);
    now.addAndGet(d.toNanos());
  };

  @Test
  void aBurstUpToTheCapacityGoesOutAtOnceThenCallsFollowTheDrainRate() {
    LeakyBucketLimiter limiter = new LeakyBucketLimiter(2, 50, now::get, fakeSleep);
    for (int i = 0; i < 50; i++) {
      limiter.acquire();
    }
    assertThat(sleeps).as("the burst").isEmpty();

    for (int i = 0; i < 10; i++) {
      limiter.acquire();
    }
    assertThat(now.get()).as("ten more at 2/s take five seconds").isEqualTo(5 * SECOND);
    assertThat(sleeps).hasSize(10).allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofMillis(500)));
  }

  @Test
  void theLevelDrainsWhileNoCallsAreMade() {
    LeakyBucketLimiter limiter = new LeakyBucketLimiter(5, 250, now::get, fakeSleep);
    for (int i = 0; i < 250; i++) {
      limiter.acquire();
    }
    now.addAndGet(10 * SECOND);
    assertThat(limiter.level()).isEqualTo(200.0);
    for (int i = 0; i < 50; i++) {
      limiter.acquire();
    }
    assertThat(sleeps).isEmpty();
    assertThat(limiter.tryAcquire(now.get())).isEqualTo(SECOND / 5);
  }

  @Test
  void whenTheVendorSaysFullTheNextCallWaitsOneDrainStep() {
    LeakyBucketLimiter limiter = new LeakyBucketLimiter(2, 50, now::get, fakeSleep);
    limiter.acquire();
    limiter.markFull();
    limiter.acquire();
    assertThat(sleeps).containsExactly(Duration.ofMillis(500));
  }
}
