package io.github.pqlconnector.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.function.UnaryOperator;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * What every vendor's mapping of a failed call shares: the message's shape, a call that got no usable response, and
 * a tolerant read of the error body. A module keeps only its body's shape and its code table ({@code ErrorCodes}).
 * Messages never hold request bodies, headers, tokens or an excerpt of the body.
 */
public final class CallFailures {
  private CallFailures() {}

  /** {@code Api.op: HTTP 429 RATE_LIMITED CODE: text}; the code part is left out when the vendor gave none. */
  public static String message(String operation, int status, ErrorCategory category, @Nullable String code,
      String text) {
    String codePart = code == null || code.isBlank() ? "" : " " + code;
    return "%s: HTTP %d %s%s: %s".formatted(operation, status, category, codePart, text);
  }

  /** A call with no usable response (timeout, refused or reset connection, a body that is not JSON): TRANSIENT. */
  public static VendorException noResponse(String vendor, String operation, IOException failure) {
    return noResponse(vendor, operation, failure, UnaryOperator.identity());
  }

  /** As above, with the message passed through {@code redact} (a secret in a URL an exception names). */
  public static VendorException noResponse(String vendor, String operation, IOException failure,
      UnaryOperator<String> redact) {
    String message = operation + ": " + ErrorCategory.TRANSIENT + ": " + describe(failure);
    return new VendorException(vendor, ErrorCategory.TRANSIENT, 0, redact.apply(message), null);
  }

  /** What went wrong, in words a log reader understands, with the exception's type; never an excerpt of a body. */
  public static String describe(IOException failure) {
    String type = failure.getClass().getSimpleName();
    if (failure instanceof JsonProcessingException json) {
      String where = json.getLocation() == null ? ""
          : " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
      return "response body is not the expected JSON (" + type + where + ")";
    }
    if (failure instanceof InterruptedIOException) {
      return "no response in time (" + type + ")";
    }
    return "connection failed (" + type + (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + ")";
  }

  /** The error body read as {@code reader}'s type, or {@code empty} when there is none or it is not that JSON. */
  public static <T> T readBody(@Nullable ResponseBody body, ObjectReader reader, T empty) {
    if (body == null) {
      return empty;
    }
    try {
      T parsed = reader.readValue(body.string());
      return parsed == null ? empty : parsed;
    } catch (IOException | RuntimeException e) {
      return empty;   // HTML from a proxy, an empty body: the status alone decides
    }
  }

  /** The error body as text, or "" when there is none or it cannot be read. */
  public static String bodyText(@Nullable ResponseBody body) {
    if (body == null) {
      return "";
    }
    try {
      return body.string();
    } catch (IOException e) {
      return "";
    }
  }
}
