package io.github.pqlconnector.hubspot.api;

import io.github.pqlconnector.core.error.ErrorCategory;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * HTTP statuses and HubSpot error codes mapped to the connector's {@link ErrorCategory}. A whole call is judged by
 * its status first (HubSpot's error-handling page), its code only where the status is not specific; a single input
 * of a batch has only its code. Codes are compared exactly, never searched for in messages.
 */
final class HubSpotCategories {
  private static final Map<String, ErrorCategory> BY_CODE = Map.of(
      "VALIDATION_ERROR", ErrorCategory.INVALID_REQUEST,
      "INVALID_AUTHENTICATION", ErrorCategory.AUTH,
      "MISSING_SCOPES", ErrorCategory.PERMISSION,
      "OBJECT_NOT_FOUND", ErrorCategory.NOT_FOUND,
      "CONFLICT", ErrorCategory.CONFLICT,
      "RATE_LIMITS", ErrorCategory.RATE_LIMITED,
      "RATE_LIMIT", ErrorCategory.RATE_LIMITED);

  private HubSpotCategories() {}

  /** A failed call: {@code code} is the body's {@code category}, else its {@code errorType}, else {@code null}. */
  static ErrorCategory forCall(int status, @Nullable String code) {
    if (status == 423 || status == 477) {
      return ErrorCategory.TRANSIENT;     // HubSpot's "locked" and "migration in progress": try again later
    }
    ErrorCategory byStatus = ErrorCategory.ofStatus(status);
    return byStatus == ErrorCategory.INVALID_REQUEST ? forCode(code) : byStatus;
  }

  /** One input of a 207 batch: its {@code category}, else its {@code status} when that is a number. */
  static ErrorCategory forInput(@Nullable String code, @Nullable String status) {
    if (code != null && BY_CODE.containsKey(code)) {
      return BY_CODE.get(code);
    }
    Integer httpStatus = httpStatus(status);
    return httpStatus == null ? ErrorCategory.INVALID_REQUEST : forCall(httpStatus, null);
  }

  private static ErrorCategory forCode(@Nullable String code) {
    return code == null ? ErrorCategory.INVALID_REQUEST : BY_CODE.getOrDefault(code, ErrorCategory.INVALID_REQUEST);
  }

  private static @Nullable Integer httpStatus(@Nullable String status) {
    if (status == null || !status.matches("[1-5]\\d\\d")) {
      return null;
    }
    return Integer.valueOf(status);
  }
}
