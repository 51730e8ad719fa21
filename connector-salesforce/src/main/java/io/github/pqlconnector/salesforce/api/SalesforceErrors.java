package io.github.pqlconnector.salesforce.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.error.VendorMessages;
import io.github.pqlconnector.core.http.CallFailures;
import io.github.pqlconnector.core.http.ErrorMapper;
import io.github.pqlconnector.core.http.WireJson;
import java.io.IOException;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Response;

/**
 * Turns a Salesforce call that failed as a whole into a {@link VendorException}. The body is a JSON array of
 * {@link ApiError}s; the first one's {@code errorCode} and {@code message} go into the exception, e.g.
 * {@code SalesforceApi.query: HTTP 400 INVALID_REQUEST MALFORMED_QUERY: unexpected token}. The daily limit
 * ({@code 403 REQUEST_LIMIT_EXCEEDED} with no calls left today) is QUOTA_EXHAUSTED: never retried; the run stops
 * with the rest queued. The same code with calls left is the concurrency limit: RATE_LIMITED, retried after a wait.
 * Messages never hold request bodies, headers or tokens.
 */
public final class SalesforceErrors {
  public static final String VENDOR = "salesforce";
  private static final ObjectMapper JSON = WireJson.create();
  private static final ObjectReader TREE_READER = JSON.readerFor(JsonNode.class);
  private static final ApiError NO_ERROR = new ApiError(null, null, null);

  public static final ErrorMapper MAPPER = ErrorMapper.of(SalesforceErrors::from, SalesforceErrors::from);

  private SalesforceErrors() {}

  public static VendorException from(Response<?> response, String operation) {
    int status = response.code();
    ApiError error = firstError(response.errorBody());
    ErrorCategory category = SalesforceCategories.forCall(status, error.errorCode());
    if (category == ErrorCategory.QUOTA_EXHAUSTED && allocationLeft(response)) {
      category = ErrorCategory.RATE_LIMITED;     // no Retry-After from Salesforce: the retry backs off exponentially
    }
    String text = VendorMessages.detail(error.message(), response.message());
    return new VendorException(VENDOR, category, status,
        CallFailures.message(operation, status, category, error.errorCode(), text), null);
  }

  /**
   * {@code REQUEST_LIMIT_EXCEEDED} names two limits: the daily allocation, and the 25 concurrent long-running
   * requests. The answer's own {@code Sforce-Limit-Info} tells them apart without reading the message: calls left
   * today means the concurrency limit, which frees up as soon as a long request ends. Without the header, the daily
   * limit is assumed: stopping for the day is safe, retrying a spent allocation is not.
   */
  private static boolean allocationLeft(Response<?> response) {
    return LimitInfo.parse(response.headers().get(LimitInfo.HEADER)).map(info -> info.remaining() > 0).orElse(false);
  }

  /** No usable response: timeout, refused connection, a body that is not the expected JSON. TRANSIENT. */
  public static VendorException from(IOException failure, String operation) {
    return CallFailures.noResponse(VENDOR, operation, failure);
  }

  /** True for the org's daily API allocation: spent, or down to the configured reserve. */
  public static boolean isDailyLimit(VendorException e) {
    return VENDOR.equals(e.vendor()) && e.category() == ErrorCategory.QUOTA_EXHAUSTED;
  }

  static ApiError firstError(@Nullable ResponseBody body) {
    JsonNode tree = CallFailures.readBody(body, TREE_READER, MissingNode.getInstance());
    JsonNode first = tree.isArray() ? tree.path(0) : tree;
    try {
      return first.isObject() ? JSON.treeToValue(first, ApiError.class) : NO_ERROR;
    } catch (IOException | IllegalArgumentException e) {
      return NO_ERROR;   // not Salesforce's shape (a proxy's JSON): the status alone decides
    }
  }
}
