package io.github.pqlconnector.core.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * At most {@code permits} calls in any rolling window, the way CRMs count (HubSpot's "ten-secondly rolling"
 * limit). Resilience4j's rate limiter refills in fixed cycles, which lets up to twice the limit through across a
 * cycle boundary and earns 429s. This one keeps a slot per call and frees it a window after the call
 * <em>completed</em>: the vendor counted the call when it arrived, which is no later than the completion, so
 * however long a request waited for a thread, a connection or the network, the vendor never sees more than
 * {@code permits} in a window (with several calls in flight, stamping the send time instead let a delayed
 * request arrive inside the next window). A call still in flight holds its slot. Calls wait; they never fail.
 */
final class RollingWindowLimiter implements RequestLimiter {
  private static final long MARGIN_NANOS = Duration.ofMillis(50).toNanos();

  /** One call's place in the window: held while in flight, then until a window after it completed. */
  static final class Slot {
    private long doneAt = Long.MAX_VALUE;
  }

  private final int permits;
  private final long windowNanos;
  private final List<Slot> slots = new ArrayList<>();

  RollingWindowLimiter(int permits, Duration window) {
    this.permits = permits;
    this.windowNanos = window.toNanos() + MARGIN_NANOS;
  }

  /** Blocks until a call may go out, and holds a slot for it until the permit is done. */
  @Override
  public Permit acquire() {
    while (true) {
      Slot slot = new Slot();
      long wait = tryAcquire(System.nanoTime(), slot);
      if (wait == 0) {
        return () -> done(slot, System.nanoTime());
      }
      Sleeper.SYSTEM.sleep(Duration.ofNanos(Math.max(1_000_000, wait)));
    }
  }

  /** The call holding {@code slot} has completed (answered or failed): its slot frees a window from {@code now}. */
  synchronized void done(Slot slot, long now) {
    slot.doneAt = now;
  }

  /**
   * Takes a free slot and returns 0, or returns the nanoseconds to wait before trying again (a whole window
   * when every slot is held by a call still in flight: {@link #done} comes first in practice).
   */
  synchronized long tryAcquire(long now, Slot slot) {
    slots.removeIf(s -> s.doneAt != Long.MAX_VALUE && now - s.doneAt >= windowNanos);
    if (slots.size() < permits) {
      slots.add(slot);
      return 0;
    }
    long soonest = Long.MAX_VALUE;
    for (Slot s : slots) {
      if (s.doneAt != Long.MAX_VALUE) {
        soonest = Math.min(soonest, s.doneAt + windowNanos - now);
      }
    }
    return soonest == Long.MAX_VALUE ? Math.min(windowNanos, Duration.ofMillis(20).toNanos()) : soonest;
  }
}
