package io.github.pqlconnector.bitrix24;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fake portal's leaky bucket, which the benchmark relies on to refuse what the real portal would. */
class PortalBucketTest {
  @Test
  void aFullBucketRefusesUntilItHasDrainedOneRequest() {
    PortalBucket bucket = new PortalBucket();
    bucket.set(2.0, 3);
    long start = System.nanoTime();
    assertThat(bucket.admit(start)).isTrue();
    assertThat(bucket.admit(start)).isTrue();
    assertThat(bucket.admit(start)).isTrue();
    assertThat(bucket.admit(start)).as("above the burst").isFalse();
    assertThat(bucket.admit(start + 400_000_000L)).as("0.8 drained").isFalse();
    assertThat(bucket.admit(start + 500_000_000L)).as("a refused request was not counted, 1 drained").isTrue();
  }

  @Test
  void offByDefault() {
    PortalBucket bucket = new PortalBucket();
    for (int i = 0; i < 1_000; i++) {
      assertThat(bucket.admit(System.nanoTime())).isTrue();
    }
  }
}
