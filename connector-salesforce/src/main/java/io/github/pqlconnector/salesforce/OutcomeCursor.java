package io.github.pqlconnector.salesforce;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
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
    Map<String, Instant> parts = new HashMap<>();
    if (text != null) {
      for (String part : text.split(";")) {
        int equals = part.indexOf('=');
        if (equals > 0) {
          instant(part.substring(equals + 1)).ifPresent(at -> parts.put(part.substring(0, equals).strip(), at));
        }
      }
    }
    return new OutcomeCursor(parts.getOrDefault(OPPORTUNITIES, firstReadFrom), parts.getOrDefault(LEADS,
        firstReadFrom));
  }

  String text() {
    return OPPORTUNITIES + "=" + opportunities + ";" + LEADS + "=" + leads;
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(Instant.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
