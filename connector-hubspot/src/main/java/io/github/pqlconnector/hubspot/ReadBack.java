package io.github.pqlconnector.hubspot;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses property values HubSpot returns as strings; an unreadable value becomes one no verdict has. */
final class ReadBack {
  private ReadBack() {}

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
