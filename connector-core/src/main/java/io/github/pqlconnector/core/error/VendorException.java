package io.github.pqlconnector.core.error;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A vendor call failed as a whole. The message never holds request bodies, headers or tokens, e.g.
 * {@code crm Api.batchUpsert: HTTP 429 RATE_LIMITED (request 8f3c): limit reached}.
 */
public final class VendorException extends ConnectorException {
  private final String vendor;
  private final ErrorCategory category;
  private final int httpStatus;
  private final @Nullable Duration retryAfter;

  public VendorException(String vendor, ErrorCategory category, int httpStatus, String message,
      @Nullable Duration retryAfter) {
    super(vendor + ": " + message, null);
    this.vendor = vendor;
    this.category = category;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  public String vendor() {
    return vendor;
  }

  public ErrorCategory category() {
    return category;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public boolean retryable() {
    return category.retryable();
  }
}
