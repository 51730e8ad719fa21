package io.github.pqlconnector.salesforce.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.error.VendorMessages;
import io.github.pqlconnector.core.http.ErrorMapper;
import io.github.pqlconnector.core.http.WireJson;
import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Response;

/**
 * Turns a Salesforce call that failed as a whole into a {@link VendorException}. The body is a JSON array of
 * {@link ApiError}s; the first one's {@code errorCode} and {@code message} go into the exception, e.g.
 * {@code SalesforceApi.query: HTTP 400 INVALID_REQUEST MALFORMED_QUERY: unexpected token}. The daily limit
 * ({@code 403 REQUEST_LIMIT_EXCEEDED}) is QUOTA_EXHAUSTED: never retried; the run stops with the rest queued.
 * Messages never hold request bodies, headers or tokens.
 */
public final class SalesforceErrors {
  public static final String VENDOR = "salesforce";
  private static final ObjectMapper JSON = WireJson.create();

  public static final ErrorMapper MAPPER = ErrorMapper.of(SalesforceErrors::from, SalesforceErrors::from);

  private SalesforceErrors() {}

  public static VendorException from(Response<?> response, String operation) {
    int status = response.code();
    ApiError error = firstError(response.errorBody());
    ErrorCategory category = SalesforceCategories.forCall(status, error.errorCode());
    String code = error.errorCode() == null ? "" : " " + error.errorCode();
    String text = error.message() == null ? response.message() : error.message();
    return new VendorException(VENDOR, category, status,
        "%s: HTTP %d %s%s: %s".formatted(operation, status, category, code, clean(text)), null);
  }

  /** No usable response: timeout, refused connection, a body that is not the expected JSON. TRANSIENT. */
  public static VendorException from(IOException failure, String operation) {
    String what = failure instanceof InterruptedIOException ? "no response in time"
        : failure instanceof com.fasterxml.jackson.core.JsonProcessingException ? "response body is not the expected JSON"
        : "connection failed";
    return new VendorException(VENDOR, ErrorCategory.TRANSIENT, 0,
        operation + ": TRANSIENT: " + what + " (" + failure.getClass().getSimpleName() + ")", null);
  }

  /** True for the org's daily API allocation: spent, or down to the configured reserve. */
  public static boolean isDailyLimit(VendorException e) {
    return VENDOR.equals(e.vendor()) && e.category() == ErrorCategory.QUOTA_EXHAUSTED;
  }

  static ApiError firstError(@Nullable ResponseBody body) {
    if (body == null) {
      return new ApiError(null, null, null);
    }
    try {
      JsonNode tree = JSON.readTree(body.string());
      JsonNode first = tree != null && tree.isArray() && !tree.isEmpty() ? tree.get(0) : tree;
      return first == null || !first.isObject() ? new ApiError(null, null, null) : JSON.treeToValue(first, ApiError.class);
    } catch (IOException | RuntimeException e) {
      return new ApiError(null, null, null);   // HTML from a proxy, an empty body: the status alone decides
    }
  }

  private static String clean(@Nullable String text) {
    return VendorMessages.detail(text, null);
  }
}
