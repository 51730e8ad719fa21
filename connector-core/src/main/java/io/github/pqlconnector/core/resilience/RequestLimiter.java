package io.github.pqlconnector.core.resilience;

/**
 * Paces calls to a vendor: {@link #acquire()} blocks until one more call may go out and counts it; the caller
 * hands the returned permit back with {@link Permit#done()} once the call has completed (answered or failed).
 * Implementations are thread-safe. {@link RollingWindowLimiter} counts calls in a rolling window from their
 * completion, {@link LeakyBucketLimiter} models a leaky bucket; an adapter picks the one its vendor documents.
 */
public interface RequestLimiter {
  /** Blocks until a call may go out, and counts it. */
  Permit acquire();

  /** One call's permit. */
  interface Permit {
    /** A limiter that counts only at send time needs nothing back. */
    Permit NONE = () -> { };

    /** The call has completed. */
    void done();
  }
}
