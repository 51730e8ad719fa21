package io.github.pqlconnector.hubspot.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Immutable copies of what Jackson hands a response record, dropping the {@code null}s HubSpot may send. */
final class WireCollections {
  private WireCollections() {}

  static <T> List<T> list(@Nullable List<@Nullable T> values) {
    return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
  }

  static Map<String, List<String>> context(@Nullable Map<String, @Nullable List<@Nullable String>> context) {
    if (context == null) {
      return Map.of();
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    context.forEach((key, values) -> copy.put(key, list(values)));
    return Map.copyOf(copy);
  }
}
