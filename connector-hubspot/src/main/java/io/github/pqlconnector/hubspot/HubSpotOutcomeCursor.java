package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.spi.KeyedCursor;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Where the next outcome read starts: per object type searched, the latest modification time seen, as text {@code
 * deals=<epoch ms>;contacts=<epoch ms>;companies=<epoch ms>}. Each search starts {@link #LOOKBACK} before it, because
 * search is eventually consistent: a record modified just before the last read may not have been indexed yet. A
 * type the cursor does not name (first read, or newly configured), or a value it cannot read, starts at the first
 * read's time.
 */
record HubSpotOutcomeCursor(Map<String, Instant> latest) {
  static final Duration LOOKBACK = Duration.ofMinutes(2);

  HubSpotOutcomeCursor {
    latest = Map.copyOf(latest);
  }

  static HubSpotOutcomeCursor parse(@Nullable String text) {
    Map<String, Instant> latest = new LinkedHashMap<>();
    KeyedCursor.parse(text).parts().forEach((type, millis) -> {
      try {
        latest.put(type, Instant.ofEpochMilli(Long.parseLong(millis)));
      } catch (NumberFormatException e) {
        // an unreadable value: that type is read again from the first read's time
      }
    });
    return new HubSpotOutcomeCursor(latest);
  }

  /** The time the search of {@code objectType} starts from. */
  Instant from(String objectType, Instant firstReadFrom) {
    Instant seen = latest.get(objectType);
    return seen == null ? firstReadFrom : seen.minus(LOOKBACK);
  }

  /** This cursor moved to {@code seen} for {@code objectType}, never back; {@code null}: nothing seen, unchanged. */
  HubSpotOutcomeCursor with(String objectType, @Nullable Instant seen) {
    Instant before = latest.get(objectType);
    if (seen == null || (before != null && !seen.isAfter(before))) {
      return this;
    }
    Map<String, Instant> next = new LinkedHashMap<>(latest);
    next.put(objectType, seen);
    return new HubSpotOutcomeCursor(next);
  }

  /** The text form, types in name order; {@code null} when nothing was ever seen (the next read starts over). */
  @Nullable String format() {
    Map<String, String> parts = new TreeMap<>();
    latest.forEach((type, at) -> parts.put(type, Long.toString(at.toEpochMilli())));
    return new KeyedCursor(parts).text();
  }
}
