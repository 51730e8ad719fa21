package io.github.pqlconnector.hubspot.api;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.ErrorCodes;
import org.jspecify.annotations.Nullable;

/**
 * HTTP statuses and HubSpot error codes mapped to the connector's {@link ErrorCategory}. A whole call is judged by
 * its status first (HubSpot's error-handling page), its code only where the status is not specific; a single input
 * of a batch has only its code. Codes are compared exactly, never searched for in messages.
 */
final class HubSpotCategories {
  private static final ErrorCodes CODES = ErrorCodes.builder()
      .map(ErrorCategory.INVALID_REQUEST, "VALIDATION_ERROR")
      .map(ErrorCategory.AUTH, "INVALID_AUTHENTICATION")
      .map(ErrorCategory.PERMISSION, "MISSING_SCOPES")
      .map(ErrorCategory.NOT_FOUND, "OBJECT_NOT_FOUND")
      .map(ErrorCategory.CONFLICT, "CONFLICT")
      .map(ErrorCategory.RATE_LIMITED, "RATE_LIMITS", "RATE_LIMIT")
      .build();

  private HubSpotCategories() {}

  /** A failed call: {@code code} is the body's {@code category}, else its {@code errorType}, else {@code null}. */
  static ErrorCategory forCall(int status, @Nullable String code) {
    if (status == 423 || status == 477) {
      return ErrorCategory.TRANSIENT;     // HubSpot's "locked" and "migration in progress": try again later
    }
    return CODES.statusThenCode(status, code);
  }

  /** One input of a 207 batch: its {@code category}, else its {@code status} when that is a number. */
  static ErrorCategory forInput(@Nullable String code, @Nullable String status) {
    if (CODES.knows(code)) {
      return CODES.orElse(code, ErrorCategory.INVALID_REQUEST);
    }
    Integer httpStatus = httpStatus(status);
    return httpStatus == null ? ErrorCategory.INVALID_REQUEST : forCall(httpStatus, null);
  }

  private static @Nullable Integer httpStatus(@Nullable String status) {
    if (status == null || !status.matches("[1-5]\\d\\d")) {
      return null;
    }
    return Integer.valueOf(status);
  }
}
