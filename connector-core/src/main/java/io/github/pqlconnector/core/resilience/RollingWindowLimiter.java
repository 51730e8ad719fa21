package io.github.pqlconnector.core.resilience;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * At most {@code permits} calls in any rolling window, the way CRMs count (HubSpot's "ten-secondly rolling"
 * limit). Resilience4j's rate limiter refills in fixed cycles, which lets up to twice the limit through across a
 * cycle boundary and earns 429s; this keeps the send times of the last {@code permits} calls and waits until the
 * oldest has left the window (plus a small margin for latency jitter). Calls wait; they never fail.
 */
final class RollingWindowLimiter implements RequestLimiter {
  private static final long MARGIN_NANOS = Duration.ofMillis(250).toNanos();

  private final int permits;
  private final long windowNanos;
  private final ArrayDeque<Long> sent = new ArrayDeque<>();

  RollingWindowLimiter(int permits, Duration window) {
    this.permits = permits;
    this.windowNanos = window.toNanos() + MARGIN_NANOS;
  }

  @Override
  public void acquire() {
    long wait;
    while ((wait = tryAcquire(System.nanoTime())) > 0) {
      try {
        Thread.sleep(Math.max(1, wait / 1_000_000), (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a rate-limit permit", e);
      }
    }
  }

  /** Takes a permit and returns 0, or returns the nanoseconds to wait before trying again. */
  synchronized long tryAcquire(long now) {
    while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) {
      sent.pollFirst();
    }
    if (sent.size() < permits) {
      sent.addLast(now);
      return 0;
    }
    return sent.peekFirst() + windowNanos - now;
  }
}
