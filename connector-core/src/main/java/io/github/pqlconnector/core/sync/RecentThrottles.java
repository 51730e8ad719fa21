package io.github.pqlconnector.core.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls refused for rate limits in the last hour, per destination, counted where {@code pql.destination.throttles}
 * is (that counter only grows, so it cannot say "in the last hour"). Kept in memory in one-minute buckets: the
 * count is this process's (one node of a cluster), and a restart starts it from zero.
 */
public final class RecentThrottles {
  private static final int MINUTES = 60;
  private static final RecentThrottles PROCESS = new RecentThrottles(Clock.systemUTC());

  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public RecentThrottles(Clock clock) {
    this.clock = clock;
  }

  /** The one every destination of this process feeds. */
  public static RecentThrottles ofThisProcess() {
    return PROCESS;
  }

  public void record(String destination) {
    windows.computeIfAbsent(destination, d -> new Window()).add(minute(clock.instant()));
  }

  /** Refused calls to the destination in the last 60 minutes (to the minute). */
  public long lastHour(String destination) {
    Window window = windows.get(destination);
    return window == null ? 0 : window.since(minute(clock.instant()) - MINUTES + 1);
  }

  private static long minute(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), 60);
  }

  /** A ring of per-minute counts; a slot is reset when a newer minute lands on it. */
  private static final class Window {
    private final long[] minutes = new long[MINUTES];
    private final long[] counts = new long[MINUTES];

    synchronized void add(long minute) {
      int slot = (int) Math.floorMod(minute, MINUTES);
      if (minutes[slot] != minute) {
        minutes[slot] = minute;
        counts[slot] = 0;
      }
      counts[slot]++;
    }

    synchronized long since(long firstMinute) {
      long total = 0;
      for (int slot = 0; slot < MINUTES; slot++) {
        if (minutes[slot] >= firstMinute) {
          total += counts[slot];
        }
      }
      return total;
    }
  }
}
