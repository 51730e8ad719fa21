package io.github.pqlconnector.core.resilience;

import java.time.Duration;

/**
 * A vendor instance's limits, declared by its adapter (from the vendor's documented limits and the config):
 * requests per window for ordinary calls and for search, retry attempts and backoff, the longest
 * {@code Retry-After} worth waiting for, and when 5xx failures open the circuit breaker.
 */
public record ResilienceSettings(int requestsPerWindow, Duration window, int searchRequestsPerWindow,
    Duration searchWindow, int maxAttempts, Duration baseBackoff, Duration maxRetryAfter, int breakerMinimumCalls,
    float breakerFailureRatePercent, Duration breakerOpenFor) {

  public ResilienceSettings {
    if (requestsPerWindow < 1 || searchRequestsPerWindow < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("limits and attempts must be at least 1");
    }
  }
}
