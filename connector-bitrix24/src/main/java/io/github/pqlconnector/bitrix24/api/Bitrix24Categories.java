package io.github.pqlconnector.bitrix24.api;

import io.github.pqlconnector.core.error.ErrorCategory;
import java.util.Map;

/**
 * Bitrix24 error codes onto the connector's categories (b24restdocs _includes/system-errors.md and the method pages).
 * The code decides; the HTTP status only when the code is unknown or empty (a single command of a batch has none).
 */
public final class Bitrix24Categories {
  public static final String QUERY_LIMIT_EXCEEDED = "QUERY_LIMIT_EXCEEDED";
  public static final String OPERATION_TIME_LIMIT = "OPERATION_TIME_LIMIT";
  public static final String EXPIRED_TOKEN = "expired_token";

  private static final Map<String, ErrorCategory> BY_CODE = Map.ofEntries(
      Map.entry(EXPIRED_TOKEN, ErrorCategory.AUTH),
      Map.entry("invalid_token", ErrorCategory.AUTH),
      Map.entry("NO_AUTH_FOUND", ErrorCategory.AUTH),
      Map.entry("INVALID_CREDENTIALS", ErrorCategory.AUTH),
      Map.entry("WRONG_AUTH_TYPE", ErrorCategory.AUTH),
      Map.entry("invalid_grant", ErrorCategory.AUTH),
      Map.entry("invalid_client", ErrorCategory.AUTH),
      Map.entry("insufficient_scope", ErrorCategory.PERMISSION),
      Map.entry("user_access_error", ErrorCategory.PERMISSION),
      Map.entry("allowed_only_intranet_user", ErrorCategory.PERMISSION),
      Map.entry("ACCESS_DENIED", ErrorCategory.PERMISSION),
      Map.entry("PORTAL_DELETED", ErrorCategory.PERMISSION),
      Map.entry("NOT_FOUND", ErrorCategory.NOT_FOUND),
      Map.entry("OWNER_NOT_FOUND", ErrorCategory.NOT_FOUND),
      Map.entry("ERROR_NOT_FOUND", ErrorCategory.NOT_FOUND),
      Map.entry("ERROR_METHOD_NOT_FOUND", ErrorCategory.INVALID_REQUEST),
      Map.entry(QUERY_LIMIT_EXCEEDED, ErrorCategory.RATE_LIMITED),
      Map.entry(OPERATION_TIME_LIMIT, ErrorCategory.RATE_LIMITED),
      Map.entry("OVERLOAD_LIMIT", ErrorCategory.QUOTA_EXHAUSTED),
      Map.entry("INTERNAL_SERVER_ERROR", ErrorCategory.TRANSIENT),
      Map.entry("ERROR_UNEXPECTED_ANSWER", ErrorCategory.TRANSIENT),
      Map.entry("ERROR_BATCH_LENGTH_EXCEEDED", ErrorCategory.INVALID_REQUEST),
      Map.entry("ERROR_BATCH_METHOD_NOT_ALLOWED", ErrorCategory.INVALID_REQUEST),
      Map.entry("INVALID_REQUEST", ErrorCategory.INVALID_REQUEST),
      Map.entry("INVALID_ARG_VALUE", ErrorCategory.INVALID_REQUEST));

  private Bitrix24Categories() {}

  /** The category of {@code code} answered with {@code status} (0 for a batch command). */
  public static ErrorCategory of(int status, String code) {
    ErrorCategory known = BY_CODE.get(code);
    if (known != null) {
      return known;
    }
    return ErrorCategory.ofStatus(status);
  }

  /** A limit answer that resending the same command after a wait will cure. */
  public static boolean isLimit(String code) {
    return QUERY_LIMIT_EXCEEDED.equals(code) || OPERATION_TIME_LIMIT.equals(code);
  }
}
