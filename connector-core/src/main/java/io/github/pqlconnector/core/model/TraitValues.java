package io.github.pqlconnector.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * An entity's trait values as an immutable map over two arrays: the names, one array shared by every entity with
 * the same columns (a traits file gives a handful of such sets), and the values. {@code Map.copyOf} spends a table
 * twice the entries' size per entity (about 140 bytes for a user's four traits); this spends the values' array.
 * Like {@code Map.copyOf} it refuses null names and values; equal to, and hashing like, any map with the same entries.
 */
final class TraitValues extends NamedValues<String> {
  private static final TraitValues EMPTY = new TraitValues(new String[0], new String[0]);

  private final String[] values;

  private TraitValues(String[] names, String[] values) {
    super(names);
    this.values = values;
  }

  @Override
  String value(int i) {
    return values[i];
  }

  static Map<String, String> copyOf(Map<String, String> traits) {
    if (traits instanceof TraitValues compact) {
      return compact;
    }
    if (traits.isEmpty()) {
      return EMPTY;
    }
    String[] names = new String[traits.size()];
    String[] values = new String[traits.size()];
    int i = 0;
    for (Map.Entry<String, String> entry : traits.entrySet()) {
      names[i] = Objects.requireNonNull(entry.getKey());
      values[i++] = Objects.requireNonNull(entry.getValue());
    }
    return new TraitValues(shared(names), values);
  }
}
