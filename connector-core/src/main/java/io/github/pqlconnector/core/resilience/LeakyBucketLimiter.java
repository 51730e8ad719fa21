package io.github.pqlconnector.core.resilience;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A leaky bucket as some vendors count requests: every call adds one to a level that drains continuously at {@code
 * drainPerSecond}; a call that would lift the level above {@code capacity} waits until enough has drained. So a run
 * may burst {@code capacity} calls at once, then goes on at the drain rate; calls wait, they never fail. {@link
 * #markFull()} is for the vendor saying the bucket is full when this model thought otherwise (another client on the
 * same counter): the next call then waits one drain step. Thread-safe; the clock and the sleeper are injectable so
 * tests can run on a fake clock.
 */
public final class LeakyBucketLimiter implements RequestLimiter {
  private static final double NANOS_PER_SECOND = 1e9;

  private final double drainPerNano;
  private final int capacity;
  private final LongSupplier nanoClock;
  private final Sleeper sleeper;
  private double level;
  private long updatedAt;

  public LeakyBucketLimiter(double drainPerSecond, int capacity, LongSupplier nanoClock, Sleeper sleeper) {
    if (drainPerSecond <= 0 || capacity < 1) {
      throw new IllegalArgumentException("drain rate must be positive and capacity at least 1");
    }
    this.drainPerNano = drainPerSecond / NANOS_PER_SECOND;
    this.capacity = capacity;
    this.nanoClock = nanoClock;
    this.sleeper = sleeper;
    this.updatedAt = nanoClock.getAsLong();
  }

  /** On the system clock, sleeping for real. */
  public LeakyBucketLimiter(double drainPerSecond, int capacity) {
    this(drainPerSecond, capacity, System::nanoTime, Sleeper.SYSTEM);
  }

  @Override
  public Permit acquire() {
    long wait;
    while ((wait = tryAcquire(nanoClock.getAsLong())) > 0) {
      sleeper.sleep(Duration.ofNanos(wait));
    }
    return Permit.NONE;
  }

  /** Counts a call and returns 0, or returns the nanoseconds to wait before trying again. */
  synchronized long tryAcquire(long now) {
    drain(now);
    if (level + 1 <= capacity) {
      level += 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((level + 1 - capacity) / drainPerNano));
  }

  /** The vendor refused a call because its bucket is full: make the model agree. */
  public synchronized void markFull() {
    drain(nanoClock.getAsLong());
    level = Math.max(level, capacity);
  }

  /** The current level, for tests and metrics. */
  synchronized double level() {
    drain(nanoClock.getAsLong());
    return level;
  }

  private void drain(long now) {
    level = Math.max(0, level - (now - updatedAt) * drainPerNano);
    updatedAt = now;
  }
}
