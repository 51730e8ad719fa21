package io.github.pqlconnector.sources.http;

import java.time.Duration;
import java.time.Instant;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/** {@code Retry-After} as delta-seconds or an HTTP date (measured against the response's {@code Date}). */
final class RetryAfter {
  private RetryAfter() {}

  static @Nullable Duration of(Response response) {
    String value = response.header("Retry-After");
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.trim().matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(value.trim()));
    }
    Instant until = response.headers().getInstant("Retry-After");
    Instant sent = response.headers().getInstant("Date");
    if (until == null) {
      return null;
    }
    Duration wait = Duration.between(sent != null ? sent : Instant.ofEpochMilli(response.receivedResponseAtMillis()),
        until);
    return wait.isNegative() ? Duration.ZERO : wait;
  }
}
