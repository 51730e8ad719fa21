package io.github.pqlconnector.hubspot.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * HubSpot's rolling rate limits, enforced per token (crm-apis.md 1.6): at most {@code requestsPerTenSeconds} requests
 * in any rolling 10 s (the burst limit), and CRM search at most {@code searchPerSecond} in any rolling second. HubSpot
 * does not document whether a search also takes a place in the 10 s window, so {@code searchInBurst} chooses. A
 * refused request takes no place in a window. Off by default (0): the module's tests pace nothing.
 */
final class HubSpotFakeLimits {
  private static final long SECOND_NANOS = 1_000_000_000L;
  private static final long WINDOW_NANOS = 10 * SECOND_NANOS;

  private volatile int requestsPerTenSeconds;
  private volatile int searchPerSecond;
  private volatile boolean searchInBurst = true;
  private final Map<String, Deque<Long>> burst = new HashMap<>();
  private final Map<String, Deque<Long>> search = new HashMap<>();

  void set(int requestsPerTenSeconds, int searchPerSecond, boolean searchInBurst) {
    this.requestsPerTenSeconds = requestsPerTenSeconds;
    this.searchPerSecond = searchPerSecond;
    this.searchInBurst = searchInBurst;
  }

  /** Empty when the request may go; else the whole seconds until its window has room (the Retry-After). */
  synchronized OptionalInt admit(String token, boolean isSearch, long now) {
    boolean inBurst = requestsPerTenSeconds > 0 && (!isSearch || searchInBurst);
    boolean inSearch = isSearch && searchPerSecond > 0;
    Deque<Long> window = evicted(burst, token, now - WINDOW_NANOS);
    Deque<Long> secondly = evicted(search, token, now - SECOND_NANOS);
    if (inBurst && window.size() >= requestsPerTenSeconds) {
      return OptionalInt.of(seconds(window.peekFirst() + WINDOW_NANOS - now));
    }
    if (inSearch && secondly.size() >= searchPerSecond) {
      return OptionalInt.of(seconds(secondly.peekFirst() + SECOND_NANOS - now));
    }
    if (inBurst) {
      window.addLast(now);
    }
    if (inSearch) {
      secondly.addLast(now);
    }
    return OptionalInt.empty();
  }

  private static Deque<Long> evicted(Map<String, Deque<Long>> windows, String token, long before) {
    Deque<Long> window = windows.computeIfAbsent(token, t -> new ArrayDeque<>());
    while (!window.isEmpty() && window.peekFirst() <= before) {
      window.removeFirst();
    }
    return window;
  }

  private static int seconds(long nanos) {
    return (int) Math.max(1, (nanos + SECOND_NANOS - 1) / SECOND_NANOS);
  }
}
