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

  /**
   * The two shapes nearly every file has, {@code 2026-11-01T10:15:30Z} and {@code 2026-11-01T10:15:30.123Z}, straight
   * from ASCII bytes; {@link #INVALID} for anything else, which the caller then reads through {@link #parse}.
   */
  static long parseAscii(byte[] b, int off, int length) {
    if ((length != 20 && length != 24) || b[off + 4] != '-' || b[off + 7] != '-' || b[off + 10] != 'T'
        || b[off + 13] != ':' || b[off + 16] != ':' || b[off + length - 1] != 'Z' || (length == 24 && b[off + 19] != '.')) {
      return INVALID;
    }
    int millis = length == 24 ? asciiDigits(b, off + 20, 3) : 0;
    return utc(asciiDigits(b, off, 4), asciiDigits(b, off + 5, 2), asciiDigits(b, off + 8, 2),
        asciiDigits(b, off + 11, 2), asciiDigits(b, off + 14, 2), asciiDigits(b, off + 17, 2), millis);
  }

  private static int asciiDigits(byte[] b, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int digit = b[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /** Epoch milliseconds of a UTC date and time, or {@link #INVALID} when a field is out of range (-1: not digits). */
  private static long utc(int year, int month, int day, int hour, int minute, int second, int millis) {
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59 || millis < 0) {
      return INVALID;
    }
    if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return INVALID;
    }
    return ((epochDay(year, month, day) * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
  }

  /** Days since 1970-01-01 of a valid proleptic Gregorian date, without a LocalDate (H. Hinnant's days_from_civil). */
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468;
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
    return utc(year, month, day, hour, minute, second, millis);
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
