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

  /**
   * What an HTTP status says on its own, the same for every vendor: 401 AUTH, 403 PERMISSION, 404 NOT_FOUND, 409
   * CONFLICT, 429 RATE_LIMITED, 408 and 5xx TRANSIENT, any other 4xx INVALID_REQUEST. A vendor's own error codes
   * refine it where they say more (a daily limit, an expired token answered with 400).
   */
  public static ErrorCategory ofStatus(int status) {
    if (status >= 500) {
      return TRANSIENT;
    }
    return switch (status) {
      case 401 -> AUTH;
      case 403 -> PERMISSION;
      case 404 -> NOT_FOUND;
      case 408 -> TRANSIENT;
      case 409 -> CONFLICT;
      case 429 -> RATE_LIMITED;
      default -> INVALID_REQUEST;
    };
  }
}
