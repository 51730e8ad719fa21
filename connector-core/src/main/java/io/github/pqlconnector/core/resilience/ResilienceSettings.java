package io.github.pqlconnector.core.resilience;

import java.time.Duration;

/**
 * A vendor instance's limits, declared by its adapter (from the vendor's documented limits and the config):
 * requests per window for ordinary calls and for search, retry attempts and backoff, the longest
 * {@code Retry-After} worth waiting for, and when 5xx failures open the circuit breaker. Built with {@link #builder()}.
 */
public record ResilienceSettings(int requestsPerWindow, Duration window, int searchRequestsPerWindow,
    Duration searchWindow, int maxAttempts, Duration baseBackoff, Duration maxRetryAfter, int breakerMinimumCalls,
    float breakerFailureRatePercent, Duration breakerOpenFor) {

  public ResilienceSettings {
    if (requestsPerWindow < 1 || searchRequestsPerWindow < 1 || maxAttempts < 1 || breakerMinimumCalls < 1) {
      throw new IllegalArgumentException("limits, attempts and breaker calls must be at least 1");
    }
    if (breakerFailureRatePercent <= 0 || breakerFailureRatePercent > 100) {
      throw new IllegalArgumentException("breaker failure rate must be in (0, 100], got " + breakerFailureRatePercent);
    }
  }

  /**
   * Settings starting from the defaults every vendor shares (5 attempts from 500 ms, {@code Retry-After} honoured up
   * to 60 s, a breaker that opens for 30 s when half of at least 10 calls fail); the ordinary limit is required, the
   * search limit defaults to it.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Names every setting; each setter checks its own values, {@link #build()} the combination. */
  public static final class Builder {
    private int requests;
    private Duration window;
    private int searchRequests;
    private Duration searchWindow;
    private int maxAttempts = 5;
    private Duration baseBackoff = Duration.ofMillis(500);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private int breakerMinimumCalls = 10;
    private float breakerFailureRatePercent = 50f;
    private Duration breakerOpenFor = Duration.ofSeconds(30);

    private Builder() {}

    /** At most {@code permits} ordinary calls in any rolling {@code window}. */
    public Builder requests(int permits, Duration window) {
      this.requests = atLeastOne(permits, "requests");
      this.window = positive(window, "window");
      return this;
    }

    /** At most {@code permits} searches in any rolling {@code window} (vendors limit search apart, and lower). */
    public Builder searches(int permits, Duration window) {
      this.searchRequests = atLeastOne(permits, "searches");
      this.searchWindow = positive(window, "search window");
      return this;
    }

    /** Attempts in all (1 = no retry), the first backoff growing exponentially with jitter. */
    public Builder attempts(int maxAttempts, Duration baseBackoff) {
      this.maxAttempts = atLeastOne(maxAttempts, "attempts");
      this.baseBackoff = positive(baseBackoff, "backoff");
      return this;
    }

    /** The longest {@code Retry-After} waited for; a longer one is cut to it. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = positive(maxRetryAfter, "max Retry-After");
      return this;
    }

    /** Opens the breaker for {@code openFor} when {@code failurePercent} of at least {@code minimumCalls} fail. */
    public Builder breaker(int minimumCalls, float failurePercent, Duration openFor) {
      this.breakerMinimumCalls = atLeastOne(minimumCalls, "breaker calls");
      this.breakerFailureRatePercent = failurePercent;
      this.breakerOpenFor = positive(openFor, "breaker open time");
      return this;
    }

    public ResilienceSettings build() {
      if (window == null) {
        throw new IllegalStateException("requests(permits, window) is required");
      }
      return new ResilienceSettings(requests, window, searchWindow == null ? requests : searchRequests,
          searchWindow == null ? window : searchWindow, maxAttempts, baseBackoff, maxRetryAfter,
          breakerMinimumCalls, breakerFailureRatePercent, breakerOpenFor);
    }

    private static int atLeastOne(int value, String what) {
      if (value < 1) {
        throw new IllegalArgumentException(what + " must be at least 1, got " + value);
      }
      return value;
    }

    private static Duration positive(Duration value, String what) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(what + " must be positive, got " + value);
      }
      return value;
    }
  }
}
