package io.github.pqlconnector.hubspot.api;

import com.fasterxml.jackson.databind.ObjectReader;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.error.VendorMessages;
import io.github.pqlconnector.core.http.CallFailures;
import io.github.pqlconnector.core.http.ErrorMapper;
import io.github.pqlconnector.core.http.RetryAfter;
import io.github.pqlconnector.core.http.VendorApis;
import io.github.pqlconnector.core.http.WireJson;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Turns a HubSpot call that failed as a whole into a {@link VendorException}; single inputs of a 207 batch are
 * {@link HubSpotInputErrors}' job. The category comes from the HTTP status and HubSpot's error codes (see {@link
 * HubSpotCategories}), never from message text. The message reads {@code HubSpotApi.batchUpdate: HTTP 429
 * RATE_LIMITED (request <correlationId>): <HubSpot's message>} and never holds request bodies, headers or tokens.
 *
 * <p>Waiting: a {@code RATE_LIMITED} exception carries {@code retryAfter} exactly when waiting helps, that is for the
 * burst windows ({@code Retry-After}, else {@code X-HubSpot-RateLimit-Interval-Milliseconds}, else the policy's
 * window). The account's <em>daily</em> limit is {@code QUOTA_EXHAUSTED} instead, never retried, because nothing
 * succeeds before HubSpot's midnight in the account's time zone: the run stops and leaves the outbox for tomorrow. {@code TRANSIENT} failures carry {@code Retry-After} when HubSpot sends one (477, 503), 2 s on 423.
 *
 * <p>{@link #MAPPER} hands these mappings to core's {@code VendorCall}.
 */
public final class HubSpotErrors {
  static final String VENDOR = "hubspot";
  private static final String DAILY_POLICY = "DAILY";
  private static final String SECONDLY_POLICY = "SECONDLY";
  private static final Duration LOCKED_WAIT = Duration.ofSeconds(2);
  private static final Duration BURST_WINDOW = Duration.ofSeconds(10);
  private static final ObjectReader ERROR_READER = WireJson.create().readerFor(ErrorResponse.class);

  /** The mappings above as core's {@link ErrorMapper}, for {@code new VendorCall(HubSpotErrors.MAPPER, …)}. */
  public static final ErrorMapper MAPPER = ErrorMapper.of(HubSpotErrors::from, HubSpotErrors::from);

  private HubSpotErrors() {}

  /** Maps an unsuccessful response, naming the operation from Retrofit's {@link Invocation} tag. */
  public static VendorException from(Response<?> response) {
    return from(response, operation(response.raw().request()));
  }

  /** Maps an unsuccessful response of {@code operation} (e.g. {@code HubSpotApi.batchUpsert}). */
  public static VendorException from(Response<?> response, String operation) {
    if (response.isSuccessful()) {
      throw new IllegalArgumentException(operation + " succeeded with HTTP " + response.code());
    }
    int status = response.code();
    ErrorResponse body = CallFailures.readBody(response.errorBody(), ERROR_READER, ErrorResponse.empty());
    HubSpotRateLimit limits = HubSpotRateLimit.from(response.headers());
    String code = body.category() != null ? body.category() : body.errorType();
    ErrorCategory category = HubSpotCategories.forCall(status, code);
    if (category == ErrorCategory.RATE_LIMITED && (DAILY_POLICY.equals(body.policyName()) || limits.dailyExhausted())) {
      category = ErrorCategory.QUOTA_EXHAUSTED;
    }
    Duration wait = waitFor(category, status, body, limits, response.raw());
    String message = CallFailures.message(operation, status, category, requestPart(body, response.raw()),
        detail(body, category, response.message()));
    return new VendorException(VENDOR, category, status, message, wait);
  }

  /** Maps a call that got no usable response: an I/O failure, a timeout, or a success body that is not JSON. */
  public static VendorException from(IOException failure, Call<?> call) {
    return from(failure, operation(call.request()));
  }

  /** As {@link #from(IOException, Call)}, for {@code operation}. Always {@code TRANSIENT} with HTTP status 0. */
  public static VendorException from(IOException failure, String operation) {
    return CallFailures.noResponse(VENDOR, operation, failure);
  }

  /**
   * True for HubSpot's daily (per-account) limit, mapped to {@link ErrorCategory#QUOTA_EXHAUSTED}: never
   * retried (retrying today only burns error budget); the run stops with the rest left in the outbox.
   */
  public static boolean isDailyLimit(VendorException e) {
    return VENDOR.equals(e.vendor()) && e.category() == ErrorCategory.QUOTA_EXHAUSTED;
  }

  /** {@code HubSpotApi.batchRead} for a request Retrofit made, else {@code HubSpotApi}. */
  public static String operation(Request request) {
    return VendorApis.operation(request, "HubSpotApi");
  }

  private static @Nullable Duration waitFor(ErrorCategory category, int status, ErrorResponse body,
      HubSpotRateLimit limits, okhttp3.Response raw) {
    Duration retryAfter = RetryAfter.parse(raw);
    if (category == ErrorCategory.RATE_LIMITED) {
      return retryAfter != null ? retryAfter : limits.interval().orElse(policyWindow(body.policyName()));
    }
    if (category == ErrorCategory.TRANSIENT) {
      return retryAfter != null || status != 423 ? retryAfter : LOCKED_WAIT;
    }
    return null;
  }

  private static Duration policyWindow(@Nullable String policyName) {
    return SECONDLY_POLICY.equals(policyName) ? Duration.ofSeconds(1) : BURST_WINDOW;
  }

  private static @Nullable String requestPart(ErrorResponse body, okhttp3.Response raw) {
    String id = body.correlationId();
    if (id == null) {
      id = raw.header("X-HubSpot-Correlation-Id");
    }
    if (id == null) {
      id = body.requestId();
    }
    return id == null ? null : "(request " + id + ")";
  }

  private static String detail(ErrorResponse body, ErrorCategory category, String reasonPhrase) {
    String text = VendorMessages.detail(body.message(), reasonPhrase);
    return category == ErrorCategory.PERMISSION ? text + scopes(body) : text;
  }

  private static String scopes(ErrorResponse body) {
    List<String> scopes = body.context().getOrDefault("missingScopes",
        body.context().getOrDefault("requiredGranularScopes", List.of()));
    return scopes.isEmpty() ? "" : " (missing scopes: " + String.join(", ", scopes) + ")";
  }
}
