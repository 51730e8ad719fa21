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
  private final String detail;
  private final boolean neverSent;

  public VendorException(String vendor, ErrorCategory category, int httpStatus, String message,
      @Nullable Duration retryAfter) {
    this(vendor, category, httpStatus, message, retryAfter, false);
  }

  private VendorException(String vendor, ErrorCategory category, int httpStatus, String message,
      @Nullable Duration retryAfter, boolean neverSent) {
    super(vendor + ": " + message, null);
    this.vendor = vendor;
    this.category = category;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
    this.detail = message;
    this.neverSent = neverSent;
  }

  /** The same failure, known never to have reached the vendor (the connection was refused before sending). */
  public VendorException neverSent() {
    return new VendorException(vendor, category, httpStatus, detail, retryAfter, true);
  }

  /**
   * True when the vendor certainly did not apply the call: it was never sent, or the vendor refused it for a rate
   * limit before doing anything. Only such a failure may be sent again blindly when the call is not idempotent (a
   * create); any other failure of a create (a timeout, a reset after sending, a 5xx) may have been applied, and
   * the caller must look before it creates again.
   */
  public boolean certainlyNotApplied() {
    return neverSent || category == ErrorCategory.RATE_LIMITED;
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
