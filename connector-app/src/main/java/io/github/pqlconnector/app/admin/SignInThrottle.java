package io.github.pqlconnector.app.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per client address and per user name: after {@value #MAX_FAILURES} in {@link #WINDOW}, further
 * attempts are refused until the oldest failure leaves the window, whether or not the password would be right.
 * Both keys count, so guessing one account from many addresses is slowed as much as many accounts from one.
 */
final class SignInThrottle {
  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_KEYS = 10_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Zero when an attempt may be made now, else how long until one may. */
  Duration wait(String address, String name) {
    Duration byAddress = waitFor("addr:" + address);
    Duration byName = waitFor("name:" + name);
    return byAddress.compareTo(byName) >= 0 ? byAddress : byName;
  }

  void failed(String address, String name) {
    if (failures.size() > MAX_KEYS) {
      failures.clear();
    }
    record("addr:" + address);
    record("name:" + name);
  }

  void succeeded(String name) {
    failures.remove("name:" + name);
  }

  private void record(String key) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.instant());
      while (times.size() > MAX_FAILURES) {
        times.removeFirst();
      }
    }
  }

  private Duration waitFor(String key) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Duration.ZERO;
    }
    synchronized (times) {
      Instant now = clock.instant();
      times.removeIf(t -> !t.plus(WINDOW).isAfter(now));
      if (times.size() < MAX_FAILURES) {
        return Duration.ZERO;
      }
      return Duration.between(now, times.peekFirst().plus(WINDOW));
    }
  }
}
