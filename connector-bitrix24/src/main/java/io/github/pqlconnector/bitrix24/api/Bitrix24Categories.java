package io.github.pqlconnector.bitrix24.api;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.ErrorCodes;

/**
 * Bitrix24 error codes onto the connector's categories (b24restdocs _includes/system-errors.md and the method pages).
 * The code decides; the HTTP status only when the code is unknown or empty (a single command of a batch has none).
 */
public final class Bitrix24Categories {
  public static final String QUERY_LIMIT_EXCEEDED = "QUERY_LIMIT_EXCEEDED";
  public static final String OPERATION_TIME_LIMIT = "OPERATION_TIME_LIMIT";
  public static final String EXPIRED_TOKEN = "expired_token";

  private static final ErrorCodes CODES = ErrorCodes.builder()
      .map(ErrorCategory.AUTH, EXPIRED_TOKEN, "invalid_token", "NO_AUTH_FOUND", "INVALID_CREDENTIALS",
          "WRONG_AUTH_TYPE", "invalid_grant", "invalid_client")
      .map(ErrorCategory.PERMISSION, "insufficient_scope", "user_access_error", "allowed_only_intranet_user",
          "ACCESS_DENIED", "PORTAL_DELETED")
      .map(ErrorCategory.NOT_FOUND, "NOT_FOUND", "OWNER_NOT_FOUND", "ERROR_NOT_FOUND")
      .map(ErrorCategory.INVALID_REQUEST, "ERROR_METHOD_NOT_FOUND", "ERROR_BATCH_LENGTH_EXCEEDED",
          "ERROR_BATCH_METHOD_NOT_ALLOWED", "INVALID_REQUEST", "INVALID_ARG_VALUE")
      .map(ErrorCategory.RATE_LIMITED, QUERY_LIMIT_EXCEEDED, OPERATION_TIME_LIMIT)
      .map(ErrorCategory.QUOTA_EXHAUSTED, "OVERLOAD_LIMIT")
      .map(ErrorCategory.TRANSIENT, "INTERNAL_SERVER_ERROR", "ERROR_UNEXPECTED_ANSWER")
      .build();

  private Bitrix24Categories() {}

  /** The category of {@code code} answered with {@code status} (0 for a batch command). */
  public static ErrorCategory of(int status, String code) {
    return CODES.codeThenStatus(status, code);
  }

  /** A limit answer that resending the same command after a wait will cure. */
  public static boolean isLimit(String code) {
    return QUERY_LIMIT_EXCEEDED.equals(code) || OPERATION_TIME_LIMIT.equals(code);
  }
}
