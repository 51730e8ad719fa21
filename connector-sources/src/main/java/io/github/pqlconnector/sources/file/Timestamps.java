package io.github.pqlconnector.sources.file;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Parses event timestamps: epoch milliseconds, or ISO-8601 text. The common UTC shape
 * {@code 2026-11-01T10:15:30(.123)Z} is parsed without allocation because it is on the hot path;
 * anything else goes through {@link Instant#parse}.
 */
final class Timestamps {
  static final long INVALID = Long.MIN_VALUE;

  private Timestamps() {}

  static long parse(String text) {
    return parse(text.toCharArray(), 0, text.length());
  }

  /** Parses {@code length} characters at {@code offset}, e.g. straight from the JSON parser's buffer. */
  static long parse(char[] chars, int offset, int length) {
    long fast = parseUtc(new Slice(chars, offset, length));
    if (fast != INVALID) {
      return fast;
    }
    try {
      return Instant.parse(new String(chars, offset, length)).toEpochMilli();
    } catch (DateTimeParseException e) {
      return INVALID;
    }
  }

  /** A view of a char range; small enough for escape analysis to keep it off the heap. */
  private record Slice(char[] chars, int offset, int length) {
    char charAt(int i) {
      return chars[offset + i];
    }
  }

  private static long parseUtc(Slice s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
      return INVALID;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    int millis = n == 20 ? 0 : fraction(s, 19, n - 1);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59 || millis < 0) {
      return INVALID;
    }
    if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return INVALID;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
  }

  private static int digits(Slice s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** ".123" (up to 9 digits) as milliseconds; -1 when malformed. */
  private static int fraction(Slice s, int dot, int end) {
    if (s.charAt(dot) != '.' || end - dot < 2 || end - dot > 10) {
      return -1;
    }
    int millis = 0;
    for (int i = dot + 1; i < dot + 4; i++) {
      int digit = i < end ? s.charAt(i) - '0' : 0;
      if (digit < 0 || digit > 9) {
        return -1;
      }
      millis = millis * 10 + digit;
    }
    for (int i = dot + 4; i < end; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return -1;
      }
    }
    return millis;
  }
}
