package io.github.pqlconnector.sources.amplitude;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/** Amplitude's times: events say {@code 2022-11-14 00:57:33.008000} (UTC, no zone); the API wants {@code 20221114T00}. */
final class AmplitudeTimes {
  static final long INVALID = Long.MIN_VALUE;
  private static final DateTimeFormatter EVENT_TIME = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .optionalEnd().toFormatter();
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH").withZone(ZoneOffset.UTC);

  private AmplitudeTimes() {}

  /** Epoch ms of an event time, or {@link #INVALID}. */
  static long eventMillis(String text) {
    try {
      return LocalDateTime.parse(text, EVENT_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      return INVALID;
    }
  }

  static String hour(Instant instant) {
    return HOUR.format(instant.truncatedTo(ChronoUnit.HOURS));
  }
}
