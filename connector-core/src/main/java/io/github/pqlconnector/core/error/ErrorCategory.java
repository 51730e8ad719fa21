package io.github.pqlconnector.core.error;

/** How a failure should be handled: retried later, or recorded and left alone. */
public enum ErrorCategory {
  AUTH(false),
  PERMISSION(false),
  NOT_FOUND(false),
  INVALID_REQUEST(false),
  CONFLICT(false),
  RATE_LIMITED(true),
  /** A quota that will not refill within the run (a CRM's daily limit): stop, leave the rest queued. */
  QUOTA_EXHAUSTED(false),
  TRANSIENT(true);

  private final boolean retryable;

  ErrorCategory(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
