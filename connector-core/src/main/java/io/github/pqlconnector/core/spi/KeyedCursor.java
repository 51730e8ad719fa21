package io.github.pqlconnector.core.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An outcome cursor with one part per kind of record read ({@code deals=…;leads=…}): where each kind's read stopped,
 * in whatever form its CRM filters by. Parts without a key are dropped; a destination drops a value it cannot read,
 * and that kind reads again from the first read's time (a repeated row replaces itself: only extra reading).
 */
public record KeyedCursor(Map<String, String> parts) {
  public KeyedCursor {
    parts = new LinkedHashMap<>(parts);
  }

  public static KeyedCursor parse(@Nullable String text) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : text == null ? new String[0] : text.split(";")) {
      int equals = part.indexOf('=');
      if (equals > 0 && !part.substring(equals + 1).isBlank()) {
        parts.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
      }
    }
    return new KeyedCursor(parts);
  }

  public Optional<String> part(String kind) {
    return Optional.ofNullable(parts.get(kind));
  }

  public KeyedCursor with(String kind, String value) {
    Map<String, String> next = new LinkedHashMap<>(parts);
    next.put(kind, value);
    return new KeyedCursor(next);
  }

  /** The text form, parts in the order given, or null when no kind has been read yet. */
  public @Nullable String text() {
    return parts.isEmpty() ? null : parts.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
  }
}
