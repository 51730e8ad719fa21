package io.github.pqlconnector.bitrix24;

import io.github.pqlconnector.bitrix24.api.ResponseTime;
import io.github.pqlconnector.core.resilience.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bitrix24's per-method time budget (b24restdocs limits.md): each response reports {@code operating}, the seconds the
 * method used in the sliding 10 minutes, and {@code operating_reset_at}, when part of that is released; above the
 * limit the method answers 429 {@code OPERATION_TIME_LIMIT} until then. This tracks both per method and holds calls
 * back: once a method has used {@value #SLOW_DOWN_AT_PERCENT} % of its budget, each call waits a share of the time to
 * the reset that grows with the use (none at {@value #SLOW_DOWN_AT_PERCENT} %, all of it at 100 %), so a long run
 * slows down before Bitrix24 blocks it; a blocked method waits until its reset time. Thread-safe.
 */
final class OperatingBudget {
  static final int SLOW_DOWN_AT_PERCENT = 80;
  static final int MAX_BLOCKS_KEPT = 5;
  /** When a block names no reset time and none is known: one of the window's ten one-minute buckets. */
  static final Duration UNKNOWN_RESET = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(OperatingBudget.class);

  private record Use(double operating, @Nullable Instant resetAt, boolean blocked) {}

  private final double limitSeconds;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<String, Use> byMethod = new HashMap<>();
  private final List<String> blocks = new ArrayList<>();

  OperatingBudget(double limitSeconds, Clock clock, Sleeper sleeper) {
    this.limitSeconds = limitSeconds;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** A successful response's {@code time} for {@code method}. */
  synchronized void record(String method, @Nullable ResponseTime time) {
    if (time != null && time.operating() != null) {
      byMethod.put(method, new Use(time.operating(), time.resetAt().orElse(null), false));
    }
  }

  /** {@code method} answered OPERATION_TIME_LIMIT; blocked until {@code resetAt}, else the last known reset time. */
  synchronized void blocked(String method, @Nullable Instant resetAt) {
    Use known = byMethod.get(method);
    Instant until = resetAt != null ? resetAt : known != null && known.resetAt() != null
        && known.resetAt().isAfter(clock.instant()) ? known.resetAt() : clock.instant().plus(UNKNOWN_RESET);
    byMethod.put(method, new Use(limitSeconds, until, true));
    if (blocks.size() < MAX_BLOCKS_KEPT) {
      blocks.add("Bitrix24 method " + method + " went over its operating-time budget (" + (int) limitSeconds
          + " s per 10 minutes); calls to it waited until " + until);
    }
    log.warn("Bitrix24 method {} is over its operating-time limit; calls to it wait until {}", method, until);
  }

  /** Each time a method was blocked since this destination was made, the first {@value #MAX_BLOCKS_KEPT}. */
  synchronized List<String> blocks() {
    return List.copyOf(blocks);
  }

  /** Waits as long as the most used of {@code methods} needs (see the class comment). */
  void awaitTurn(Collection<String> methods) {
    Duration wait = methods.stream().map(this::pauseFor).max(Duration::compareTo).orElse(Duration.ZERO);
    if (!wait.isZero()) {
      sleeper.sleep(wait);
    }
  }

  synchronized Duration pauseFor(String method) {
    Use use = byMethod.get(method);
    Instant now = clock.instant();
    if (use == null || use.resetAt() == null || !use.resetAt().isAfter(now)) {
      return Duration.ZERO;
    }
    Duration toReset = Duration.between(now, use.resetAt());
    double slowFrom = limitSeconds * SLOW_DOWN_AT_PERCENT / 100.0;
    if (use.blocked() || use.operating() >= limitSeconds) {
      return toReset;
    }
    if (use.operating() <= slowFrom) {
      return Duration.ZERO;
    }
    double share = (use.operating() - slowFrom) / (limitSeconds - slowFrom);
    return Duration.ofMillis((long) (toReset.toMillis() * share));
  }
}
