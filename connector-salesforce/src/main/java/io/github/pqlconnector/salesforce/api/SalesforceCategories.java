package io.github.pqlconnector.salesforce.api;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.ErrorCodes;
import org.jspecify.annotations.Nullable;

/**
 * Salesforce error codes (REST {@code errorCode}, per-record {@code statusCode}, Bulk {@code sf__Error} prefix) and
 * HTTP statuses mapped to the connector's {@link ErrorCategory}. Codes are compared exactly, never messages.
 */
public final class SalesforceCategories {
  public static final String REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";
  public static final String INVALID_SESSION_ID = "INVALID_SESSION_ID";

  private static final ErrorCodes CODES = ErrorCodes.builder()
      .map(ErrorCategory.AUTH, INVALID_SESSION_ID)
      .map(ErrorCategory.QUOTA_EXHAUSTED, REQUEST_LIMIT_EXCEEDED)
      .map(ErrorCategory.PERMISSION, "API_DISABLED_FOR_ORG", "INSUFFICIENT_ACCESS", "INSUFFICIENT_ACCESS_OR_READONLY",
          "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY")
      .map(ErrorCategory.NOT_FOUND, "NOT_FOUND", "ENTITY_IS_DELETED", "INVALID_CROSS_REFERENCE_KEY")
      .map(ErrorCategory.CONFLICT, "DUPLICATE_VALUE", "DUPLICATES_DETECTED", "DUPLICATE_EXTERNAL_ID")
      .map(ErrorCategory.TRANSIENT, "UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE", "ALL_OR_NONE_OPERATION_ROLLED_BACK")
      .build();

  private SalesforceCategories() {}

  /** A failed call: the status decides, except where Salesforce's code says more (403 and the daily limit). */
  public static ErrorCategory forCall(int status, @Nullable String code) {
    if (code != null && (code.equals(REQUEST_LIMIT_EXCEEDED) || code.equals(INVALID_SESSION_ID))) {
      return CODES.orElse(code, ErrorCategory.INVALID_REQUEST);
    }
    if (status == 300) {
      return ErrorCategory.CONFLICT;      // an external id that matches several records
    }
    return CODES.statusThenCode(status, code);
  }

  /** One record's error: its code, else INVALID_REQUEST (a record Salesforce refused for its content). */
  public static ErrorCategory forRecord(@Nullable String code) {
    return CODES.orElse(code, ErrorCategory.INVALID_REQUEST);
  }
}
