package io.github.pqlconnector.bitrix24.api;

import com.fasterxml.jackson.databind.ObjectReader;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.error.VendorMessages;
import io.github.pqlconnector.core.http.CallFailures;
import io.github.pqlconnector.core.http.ErrorMapper;
import io.github.pqlconnector.core.http.WireJson;
import java.io.IOException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Response;

/**
 * Turns a Bitrix24 call that failed as a whole into a {@link VendorException} reading {@code Bitrix24Api.batch: HTTP
 * 503 RATE_LIMITED QUERY_LIMIT_EXCEEDED: Too many requests}. Every message goes through the webhook redactor, so a
 * webhook secret an OkHttp exception or an error text might carry never reaches a log.
 *
 * <p>Waiting: {@code QUERY_LIMIT_EXCEEDED} (503) tells the leaky-bucket model the bucket is full ({@code onQueryLimit})
 * and carries no {@code retryAfter}, so the retry backs off exponentially and the limiter spaces the retry.
 * {@code OPERATION_TIME_LIMIT} (429) carries a token 1 ms {@code retryAfter}: the real wait, until the method's
 * reported reset time, happens in the operating-time gate in front of the retried request. {@code OVERLOAD_LIMIT} is
 * a manual block by Bitrix24 support and is never retried.
 */
public final class Bitrix24Errors implements ErrorMapper {
  static final String VENDOR = "bitrix24";
  private static final Duration GATED_RETRY = Duration.ofMillis(1);
  private static final ObjectReader ERROR_READER = WireJson.create().readerFor(ErrorBody.class);

  private final UnaryOperator<String> redact;
  private final Runnable onQueryLimit;

  public Bitrix24Errors(UnaryOperator<String> redact, Runnable onQueryLimit) {
    this.redact = redact;
    this.onQueryLimit = onQueryLimit;
  }

  @Override
  public VendorException fromResponse(Response<?> response, String operation) {
    int status = response.code();
    ErrorBody body = read(response.errorBody());
    ErrorCategory category = Bitrix24Categories.of(status, body.code());
    Duration wait = null;
    if (Bitrix24Categories.QUERY_LIMIT_EXCEEDED.equals(body.code())) {
      onQueryLimit.run();
    } else if (Bitrix24Categories.OPERATION_TIME_LIMIT.equals(body.code())) {
      wait = GATED_RETRY;
    }
    String text = VendorMessages.detail(body.description(), response.message());
    return new VendorException(VENDOR, category, status,
        redact.apply(CallFailures.message(operation, status, category, body.code(), text)), wait);
  }

  @Override
  public VendorException fromFailure(IOException failure, String operation) {
    return CallFailures.noResponse(VENDOR, operation, failure, redact);
  }

  /** A single command of a batch that failed, as a category plus a message. */
  public VendorException fromCommand(BatchResponse.CommandError error, String operation) {
    ErrorCategory category = Bitrix24Categories.of(0, error.error());
    return new VendorException(VENDOR, category, 0, redact.apply("%s: %s %s: %s".formatted(operation, category,
        error.error(), VendorMessages.detail(error.description(), null))), null);
  }

  /** The error body of a response, or an empty one when it is not JSON (an HTML proxy page). */
  public static ErrorBody read(@Nullable ResponseBody body) {
    return CallFailures.readBody(body, ERROR_READER, ErrorBody.empty());
  }
}
