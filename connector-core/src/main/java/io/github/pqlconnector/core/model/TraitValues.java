package io.github.pqlconnector.core.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * An entity's trait values as an immutable map over two arrays: the names, one array shared by every entity with
 * the same columns (a traits file gives a handful of such sets), and the values. {@code Map.copyOf} spends a table
 * twice the entries' size per entity (about 140 bytes for a user's four traits); this spends the values' array.
 * Like {@code Map.copyOf} it refuses null names and values; equal to, and hashing like, any map with the same entries.
 */
final class TraitValues extends AbstractMap<String, String> {
  private static final Map<List<String>, String[]> NAMES = new ConcurrentHashMap<>();
  private static final int MAX_NAME_SETS = 256;
  private static final TraitValues EMPTY = new TraitValues(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;

  private TraitValues(String[] names, String[] values) {
    this.names = names;
    this.values = values;
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

  /** A name array equal to one seen before is that one; the values stay in the order of the names given. */
  private static String[] shared(String[] names) {
    List<String> key = List.of(names);
    String[] known = NAMES.get(key);
    if (known != null) {
      return known;
    }
    if (NAMES.size() < MAX_NAME_SETS) {
      NAMES.putIfAbsent(key, names);
    }
    return names;
  }

  @Override
  public @Nullable String get(@Nullable Object name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(@Nullable Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public int size() {
    return names.length;
  }

  private int indexOf(@Nullable Object name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < names.length;
          }

          @Override
          public Map.Entry<String, String> next() {
            if (next >= names.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return names.length;
      }
    };
  }
}
