package io.github.pqlconnector.bitrix24;

import io.github.pqlconnector.core.resilience.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The time sources of one destination: the wall clock Bitrix24's reset times are compared with, the monotonic clock
 * of the leaky bucket, the sleeper that paces, and the first backoff after {@code QUERY_LIMIT_EXCEEDED}. Real ones in
 * production; tests pass a fake clock whose sleeper moves it, so pacing is checked without waiting.
 */
record Bitrix24Timing(Clock wall, LongSupplier nanos, Sleeper sleeper, Duration baseBackoff) {
  static final Bitrix24Timing SYSTEM =
      new Bitrix24Timing(Clock.systemUTC(), System::nanoTime, Sleeper.SYSTEM, Duration.ofSeconds(1));
}
