package io.github.pqlconnector.core.error;

/** How a failure should be handled: retried later, or recorded and left alone. */
public enum ErrorCategory {
  AUTH(false),
  PERMISSION(false),
  NOT_FOUND(false),
  INVALID_REQUEST(false),
  CONFLICT(false),
  RATE_LIMITED(true),
  TRANSIENT(true);

  private final boolean retryable;

  ErrorCategory(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
