package io.github.pqlconnector.core.resilience;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limiter, circuit breaker and retry for one vendor instance ({@code hubspot/crm}), composed as
 * Resilience4j documents it: {@code Retry(CircuitBreaker(RateLimiter(call)))}. The limiter counts as the vendor
 * counts: a rolling window ({@link RollingWindowLimiter}) by default, or the adapter's own {@link RequestLimiter}
 * (a {@link LeakyBucketLimiter}); every attempt, retries included, spends a
 * permit, and a full window makes calls wait, not fail. Only retryable failures are retried,
 * after the vendor's {@code Retry-After} when it gave one. Only TRANSIENT failures (5xx, timeouts) count
 * towards opening the breaker; an open breaker ends the call with a TRANSIENT "circuit open" error.
 */
public final class VendorResilience {
  private static final Logger log = LoggerFactory.getLogger(VendorResilience.class);

  private final String name;
  private final RequestLimiter limiter;
  private final RequestLimiter searchLimiter;
  private final CircuitBreaker breaker;
  private final Retry retry;
  private final Retry createRetry;

  public VendorResilience(String name, ResilienceSettings settings) {
    this(name, settings, new RollingWindowLimiter(settings.requestsPerWindow(), settings.window()));
  }

  /**
   * The same with the adapter's own limiter for ordinary calls (a {@link LeakyBucketLimiter} for a vendor that counts
   * that way); {@code settings.requestsPerWindow()} and {@code window()} are then unused.
   */
  public VendorResilience(String name, ResilienceSettings settings, RequestLimiter limiter) {
    this.name = name;
    this.limiter = limiter;
    this.searchLimiter = new RollingWindowLimiter(settings.searchRequestsPerWindow(), settings.searchWindow());
    this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
        .minimumNumberOfCalls(settings.breakerMinimumCalls())
        .slidingWindowSize(Math.max(settings.breakerMinimumCalls(), 10))
        .failureRateThreshold(settings.breakerFailureRatePercent())
        .waitDurationInOpenState(settings.breakerOpenFor())
        .recordException(e -> e instanceof VendorException v && v.category() == ErrorCategory.TRANSIENT)
        .build());
    this.retry = Retry.of(name, retryConfig(settings, e -> e instanceof VendorException v && v.retryable()));
    this.createRetry = Retry.of(name + "/create", retryConfig(settings,
        e -> e instanceof VendorException v && v.certainlyNotApplied()));
    logRetries(retry);
    logRetries(createRetry);
  }

  private void logRetries(Retry instance) {
    instance.getEventPublisher().onRetry(event -> log.warn("{}: attempt {} failed ({}), retrying in {} ms", name,
        event.getNumberOfRetryAttempts(), describe(event.getLastThrowable()), event.getWaitInterval().toMillis()));
  }

  /** {@code Retry(CircuitBreaker(RateLimiter(call)))} on the ordinary limit. */
  public <T> Supplier<T> decorate(Supplier<T> call) {
    return compose(call, limiter, retry);
  }

  /**
   * The same on the search limit (vendors limit search separately and lower). A search also spends an ordinary
   * permit: whether a vendor counts searches in its general window too is not always documented, and counting
   * them costs little while a 429 costs a whole wait.
   */
  public <T> Supplier<T> decorateSearch(Supplier<T> call) {
    return compose(() -> within(limiter, call), searchLimiter, retry);
  }

  /**
   * For calls that are not idempotent (creates): {@code Retry(CircuitBreaker(RateLimiter(call)))} on the ordinary
   * limit, where the retry repeats only a failure that {@linkplain VendorException#certainlyNotApplied() certainly
   * was not applied} (a rate-limit refusal, a refused connection). A timeout, a connection reset after sending or a
   * 5xx reaches the caller at once: the vendor may have created the records, so the caller looks them up again
   * before it creates whatever is still missing.
   */
  public <T> Supplier<T> decorateCreate(Supplier<T> call) {
    return compose(call, limiter, createRetry);
  }

  /** The call on the ordinary limit only: one attempt, no retry, no breaker (for read-only probes). */
  public <T> Supplier<T> decorateOnce(Supplier<T> call) {
    return () -> within(limiter, call);
  }

  public CircuitBreaker.State breakerState() {
    return breaker.getState();
  }

  private <T> Supplier<T> compose(Supplier<T> call, RequestLimiter rateLimiter, Retry retrying) {
    Supplier<T> limited = () -> within(rateLimiter, call);
    Supplier<T> guarded = Retry.decorateSupplier(retrying, CircuitBreaker.decorateSupplier(breaker, limited));
    return () -> {
      try {
        return guarded.get();
      } catch (CallNotPermittedException e) {
        throw new VendorException(name, ErrorCategory.TRANSIENT, 0,
            "circuit open after repeated server errors; the work stays queued for the next run", null);
      }
    };
  }

  /** The call holding a slot of {@code rateLimiter} from before it is sent until it has completed. */
  private static <T> T within(RequestLimiter rateLimiter, Supplier<T> call) {
    RequestLimiter.Permit permit = rateLimiter.acquire();
    try {
      return call.get();
    } finally {
      permit.done();
    }
  }

  private static RetryConfig retryConfig(ResilienceSettings settings, Predicate<Throwable> retryOn) {
    IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(settings.baseBackoff().toMillis(), 2.0, 0.5);
    long maxWait = settings.maxRetryAfter().toMillis();
    return RetryConfig.custom()
        .maxAttempts(settings.maxAttempts())
        .retryOnException(retryOn)
        .intervalBiFunction((attempt, outcome) -> outcome.isLeft() && outcome.getLeft() instanceof VendorException v
            && v.retryAfter().isPresent() ? Math.min(v.retryAfter().get().toMillis(), maxWait) : backoff.apply(attempt))
        .build();
  }

  private static String describe(Throwable e) {
    return e instanceof VendorException v ? v.category() + " HTTP " + v.httpStatus() : e.getClass().getSimpleName();
  }
}
