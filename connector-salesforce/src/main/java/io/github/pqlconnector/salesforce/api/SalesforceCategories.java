package io.github.pqlconnector.salesforce.api;

import io.github.pqlconnector.core.error.ErrorCategory;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Salesforce error codes (REST {@code errorCode}, per-record {@code statusCode}, Bulk {@code sf__Error} prefix) and
 * HTTP statuses mapped to the connector's {@link ErrorCategory}. Codes are compared exactly, never messages.
 */
public final class SalesforceCategories {
  public static final String REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";
  public static final String INVALID_SESSION_ID = "INVALID_SESSION_ID";

  private static final Map<String, ErrorCategory> BY_CODE = Map.ofEntries(
      Map.entry(INVALID_SESSION_ID, ErrorCategory.AUTH),
      Map.entry(REQUEST_LIMIT_EXCEEDED, ErrorCategory.QUOTA_EXHAUSTED),
      Map.entry("API_DISABLED_FOR_ORG", ErrorCategory.PERMISSION),
      Map.entry("INSUFFICIENT_ACCESS", ErrorCategory.PERMISSION),
      Map.entry("INSUFFICIENT_ACCESS_OR_READONLY", ErrorCategory.PERMISSION),
      Map.entry("INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY", ErrorCategory.PERMISSION),
      Map.entry("NOT_FOUND", ErrorCategory.NOT_FOUND),
      Map.entry("ENTITY_IS_DELETED", ErrorCategory.NOT_FOUND),
      Map.entry("INVALID_CROSS_REFERENCE_KEY", ErrorCategory.NOT_FOUND),
      Map.entry("DUPLICATE_VALUE", ErrorCategory.CONFLICT),
      Map.entry("DUPLICATES_DETECTED", ErrorCategory.CONFLICT),
      Map.entry("DUPLICATE_EXTERNAL_ID", ErrorCategory.CONFLICT),
      Map.entry("UNABLE_TO_LOCK_ROW", ErrorCategory.TRANSIENT),
      Map.entry("SERVER_UNAVAILABLE", ErrorCategory.TRANSIENT),
      Map.entry("ALL_OR_NONE_OPERATION_ROLLED_BACK", ErrorCategory.TRANSIENT));

  private SalesforceCategories() {}

  /** A failed call: the status decides, except where Salesforce's code says more (403 and the daily limit). */
  public static ErrorCategory forCall(int status, @Nullable String code) {
    if (code != null && (code.equals(REQUEST_LIMIT_EXCEEDED) || code.equals(INVALID_SESSION_ID))) {
      return BY_CODE.get(code);
    }
    if (status == 300) {
      return ErrorCategory.CONFLICT;      // an external id that matches several records
    }
    ErrorCategory byStatus = ErrorCategory.ofStatus(status);
    return byStatus == ErrorCategory.INVALID_REQUEST ? forRecord(code) : byStatus;
  }

  /** One record's error: its code, else INVALID_REQUEST (a record Salesforce refused for its content). */
  public static ErrorCategory forRecord(@Nullable String code) {
    return code == null ? ErrorCategory.INVALID_REQUEST : BY_CODE.getOrDefault(code, ErrorCategory.INVALID_REQUEST);
  }
}
