package io.github.pqlconnector.sources.http;

import io.github.pqlconnector.core.http.VendorCall;
import io.github.pqlconnector.core.resilience.ResilienceSettings;
import io.github.pqlconnector.core.resilience.VendorResilience;
import java.time.Duration;
import retrofit2.Call;

/**
 * One rate-limited API of a source (Mixpanel's export API, its query API…), guarded by core's {@link
 * VendorResilience}: {@code Retry(CircuitBreaker(RateLimiter(call)))}, retries honouring {@code Retry-After}.
 *
 * <p>Analytics vendors document two windows per API (Mixpanel export: 60 per hour <em>and</em> 3 per second;
 * PostHog: 2400 per hour and 240 per minute). Core's resilience has an ordinary and a "search" rolling window, and a
 * call through the search one spends a permit of both; so every call here goes through {@code executeSearch} with
 * the long window as the ordinary limit and the short one as the search limit. Calls are made one at a time by a
 * source, so the vendors' concurrency limits (Mixpanel 100 and 5, PostHog 3, Amplitude 5) always hold.
 */
public final class SourceCalls {
  private static final int MAX_ATTEMPTS = 4;
  private static final Duration BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

  private final VendorCall call;

  public SourceCalls(String vendor, String name, Window longWindow, Window shortWindow) {
    ResilienceSettings settings = ResilienceSettings.builder()
        .requests(longWindow.permits(), longWindow.length())
        .searches(shortWindow.permits(), shortWindow.length())
        .attempts(MAX_ATTEMPTS, BACKOFF)
        .maxRetryAfter(MAX_RETRY_AFTER)
        .breaker(10, 50f, Duration.ofMinutes(1))
        .build();
    this.call = new VendorCall(new SourceErrors(vendor), new VendorResilience(vendor + "/" + name, settings));
  }

  /** At most {@code permits} calls in any rolling {@code length}. */
  public record Window(int permits, Duration length) {
    public static Window perHour(int permits) {
      return new Window(permits, Duration.ofHours(1));
    }
  }

  /** The body of a successful response; a {@code VendorException} once retries are spent. */
  public <T> T execute(Call<T> request) {
    return call.executeSearch(request);
  }
}
