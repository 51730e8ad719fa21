package io.github.pqlconnector.hubspot;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses property values HubSpot returns as strings; an unreadable value becomes one no verdict has. */
final class ReadBack {
  /** A decimal HubSpot may send with a fraction of zeros ({@code "120.0"}, {@code "80.50"}). */
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

  private ReadBack() {}

  /**
   * Any property as a trait: empty when blank, numbers as plain text ({@code "120.0"} is {@code 120}, {@code "80.50"}
   * is {@code 80.5}), booleans as {@code true}/{@code false}; other text as HubSpot sent it.
   */
  static Optional<String> text(Optional<String> value) {
    String text = value.map(String::strip).orElse("");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Optional.of(text.toLowerCase(Locale.ROOT));
    }
    if (DECIMAL.matcher(text).matches()) {
      String trimmed = text.replaceAll("0+$", "");
      return Optional.of(trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
    }
    return Optional.of(text);
  }

  /** A number property: empty is 0, text that is not a number is {@code unreadable}. */
  static double number(Optional<String> value, double unreadable) {
    String text = value.map(String::strip).orElse("");
    try {
      return text.isEmpty() ? 0 : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return unreadable;
    }
  }

  /** A datetime property: ISO 8601, or epoch milliseconds as it is written; unreadable text is the epoch. */
  static Optional<Instant> instant(Optional<String> value) {
    String text = value.map(String::strip).orElse("");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(text.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(text))
          : Instant.parse(text));
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.of(Instant.EPOCH);
    }
  }
}
