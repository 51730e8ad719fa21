package io.github.pqlconnector.hubspot.api;

import java.time.Duration;
import java.util.Optional;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * HubSpot's rate-limit headers on one response, each {@code null} when absent. The burst window is {@code
 * X-HubSpot-RateLimit-Max} requests per {@code X-HubSpot-RateLimit-Interval-Milliseconds} (10,000 ms), per app; the
 * daily budget ({@code X-HubSpot-RateLimit-Daily}, {@code -Daily-Remaining}) is per account and is not sent on OAuth
 * calls. Older responses carry {@code X-HubSpot-RateLimit-Secondly} (and {@code -Remaining}) instead of the burst
 * pair; it is read as a 1,000 ms window. Search responses may carry none of these.
 */
public record HubSpotRateLimit(@Nullable Long dailyLimit, @Nullable Long dailyRemaining,
    @Nullable Long intervalMillis, @Nullable Long max, @Nullable Long remaining) {
  static final String DAILY = "X-HubSpot-RateLimit-Daily";
  static final String DAILY_REMAINING = "X-HubSpot-RateLimit-Daily-Remaining";
  static final String INTERVAL_MILLIS = "X-HubSpot-RateLimit-Interval-Milliseconds";
  static final String MAX = "X-HubSpot-RateLimit-Max";
  static final String REMAINING = "X-HubSpot-RateLimit-Remaining";
  static final String SECONDLY = "X-HubSpot-RateLimit-Secondly";
  static final String SECONDLY_REMAINING = "X-HubSpot-RateLimit-Secondly-Remaining";

  /** Reads the headers of any response, successful or not; unparsable values count as absent. */
  public static HubSpotRateLimit from(Headers headers) {
    Long max = number(headers, MAX);
    if (max == null && number(headers, SECONDLY) != null) {
      return new HubSpotRateLimit(number(headers, DAILY), number(headers, DAILY_REMAINING), 1000L,
          number(headers, SECONDLY), number(headers, SECONDLY_REMAINING));
    }
    return new HubSpotRateLimit(number(headers, DAILY), number(headers, DAILY_REMAINING),
        number(headers, INTERVAL_MILLIS), max, number(headers, REMAINING));
  }

  /** True when the headers say the account's daily budget is spent. */
  public boolean dailyExhausted() {
    return dailyRemaining != null && dailyRemaining <= 0;
  }

  /** The burst window's length, when HubSpot sent it. */
  public Optional<Duration> interval() {
    return Optional.ofNullable(intervalMillis).filter(ms -> ms > 0).map(Duration::ofMillis);
  }

  private static @Nullable Long number(Headers headers, String name) {
    String value = headers.get(name);
    if (value == null) {
      return null;
    }
    try {
      return Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
