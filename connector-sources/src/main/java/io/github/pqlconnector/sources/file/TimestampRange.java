package io.github.pqlconnector.sources.file;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The event times a file may plausibly hold: from 2000-01-01 up to a day after the read's end. Anything outside
 * is a mistake to report, not data: epoch seconds read as milliseconds land in 1970, a clock or a unit error
 * lands in the far future.
 */
record TimestampRange(long earliestMillis, long latestMillis) {
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  static final Duration AHEAD = Duration.ofDays(1);

  /** Events up to a day after {@code end} (the read's end, about "now") are kept. */
  static TimestampRange endingAt(Instant end) {
    return new TimestampRange(EARLIEST.toEpochMilli(), end.plus(AHEAD).toEpochMilli());
  }

  /** Why {@code millis} is not a plausible event time, or null when it is. */
  @Nullable String problem(long millis) {
    if (millis < earliestMillis) {
      long asSeconds = millis * 1000;
      if (millis > 0 && asSeconds >= earliestMillis && asSeconds <= latestMillis) {
        return "\"timestamp\" " + millis + " looks like epoch seconds; write epoch milliseconds (" + asSeconds
            + ") or ISO-8601";
      }
      return "\"timestamp\" " + Instant.ofEpochMilli(millis) + " is before 2000-01-01";
    }
    if (millis > latestMillis) {
      return "\"timestamp\" " + Instant.ofEpochMilli(millis) + " is more than a day in the future";
    }
    return null;
  }
}
