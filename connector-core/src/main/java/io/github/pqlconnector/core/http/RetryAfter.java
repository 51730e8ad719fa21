package io.github.pqlconnector.core.http;

import java.time.Duration;
import java.time.Instant;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code Retry-After} in both forms HTTP allows: delta-seconds, or an HTTP date, measured against the
 * response's own {@code Date} header (else the moment it arrived) so local clock skew does not matter.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /** The wait the response asks for, or null when it names none (or one that cannot be read). */
  public static @Nullable Duration parse(Response response) {
    String value = response.header("Retry-After");
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    if (trimmed.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(trimmed));
    }
    Instant until = response.headers().getInstant("Retry-After");
    if (until == null) {
      return null;
    }
    Instant now = response.headers().getInstant("Date");
    Duration wait = Duration.between(now != null ? now : Instant.ofEpochMilli(response.receivedResponseAtMillis()),
        until);
    return wait.isNegative() ? Duration.ZERO : wait;
  }
}
