package io.github.pqlconnector.sources.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.error.VendorMessages;
import io.github.pqlconnector.core.http.CallFailures;
import io.github.pqlconnector.core.http.ErrorMapper;
import io.github.pqlconnector.core.http.RetryAfter;
import java.io.IOException;
import java.time.Duration;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Response;

/**
 * Maps a failed source call by HTTP status: 401 AUTH, 403 PERMISSION, 404 NOT_FOUND, 400/422 INVALID_REQUEST,
 * 429 RATE_LIMITED (with {@code Retry-After}), 5xx and no response TRANSIENT. The message is {@code
 * MixpanelExportApi.export: HTTP 401 AUTH: <the vendor's error text>}: the vendor's {@code error}/{@code detail}
 * field when the body is JSON, else its first line; never headers, credentials or the request.
 */
public final class SourceErrors implements ErrorMapper {
  private final String vendor;

  public SourceErrors(String vendor) {
    this.vendor = vendor;
  }

  @Override
  public VendorException fromResponse(Response<?> response, String operation) {
    int status = response.code();
    ErrorCategory category = category(status);
    Duration wait = category.retryable() ? RetryAfter.parse(response.raw()) : null;
    String message = CallFailures.message(operation, status, category, null,
        detail(response.errorBody(), response.message()));
    return new VendorException(vendor, category, status, message, wait);
  }

  @Override
  public VendorException fromFailure(IOException failure, String operation) {
    return CallFailures.noResponse(vendor, operation, failure);
  }

  static ErrorCategory category(int status) {
    return ErrorCategory.ofStatus(status);
  }

  private static String detail(@Nullable ResponseBody body, String reason) {
    String text = CallFailures.bodyText(body);
    String detail = fromJson(text);
    if (detail == null) {
      detail = text.isBlank() ? reason : text.strip().lines().findFirst().orElse(reason);
    }
    return VendorMessages.detail(detail, null);
  }

  /** Mixpanel answers {@code {"error": "..."}}, PostHog {@code {"detail": "..."}}. */
  private static @Nullable String fromJson(String text) {
    if (!text.stripLeading().startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = SourceHttp.WIRE.readTree(text);
      for (String field : new String[] {"error", "detail", "message"}) {
        if (node.path(field).isTextual()) {
          return node.path(field).asText();
        }
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
