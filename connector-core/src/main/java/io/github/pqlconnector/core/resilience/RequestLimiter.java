package io.github.pqlconnector.core.resilience;

/**
 * Paces calls to a vendor: {@link #acquire()} blocks until one more call may go out and counts it. Implementations are
 * thread-safe. {@link RollingWindowLimiter} counts calls in a rolling window, {@link LeakyBucketLimiter} models a leaky
 * bucket; an adapter picks the one its vendor documents.
 */
public interface RequestLimiter {
  /** Blocks until a call may go out, and counts it. */
  void acquire();
}
