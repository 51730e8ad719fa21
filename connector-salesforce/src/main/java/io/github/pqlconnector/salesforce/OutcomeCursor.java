package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.spi.KeyedCursor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the outcome reads stopped, per object: the latest {@code SystemModstamp} seen, as
 * {@code opportunities=2026-11-03T10:15:30Z;leads=2026-11-02T08:00:00Z}. A missing or unreadable part starts that
 * object from the first-read instant again (a repeated row replaces itself, so that is only extra reading).
 */
record OutcomeCursor(Instant opportunities, Instant leads) {
  private static final String OPPORTUNITIES = "opportunities";
  private static final String LEADS = "leads";

  static OutcomeCursor parse(@Nullable String text, Instant firstReadFrom) {
    KeyedCursor parts = KeyedCursor.parse(text);
    return new OutcomeCursor(parts.part(OPPORTUNITIES).flatMap(OutcomeCursor::instant).orElse(firstReadFrom),
        parts.part(LEADS).flatMap(OutcomeCursor::instant).orElse(firstReadFrom));
  }

  String text() {
    return KeyedCursor.parse(null).with(OPPORTUNITIES, opportunities.toString()).with(LEADS, leads.toString()).text();
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(Instant.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
