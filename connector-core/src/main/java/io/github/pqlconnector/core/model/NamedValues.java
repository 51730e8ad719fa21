package io.github.pqlconnector.core.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, ordered map over an array of names and values a subclass keeps as it likes (a {@code float[]}, a
 * {@code String[]}): what lets a million entities' metrics and traits cost bytes, not tables. The names array is
 * shared by every map with the same names ({@link #shared}), so it costs nothing per entity.
 */
abstract class NamedValues<V> extends AbstractMap<String, V> {
  private static final Map<List<String>, String[]> NAMES = new ConcurrentHashMap<>();
  /** Bounded: a model or a traits file only ever gives a handful of name sets. */
  private static final int MAX_NAME_SETS = 256;

  final String[] names;

  NamedValues(String[] names) {
    this.names = names;
  }

  /** The value at the position of {@code names[i]}. */
  abstract V value(int i);

  /** A name array equal to one seen before is that one. */
  static String[] shared(String[] names) {
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
  public @Nullable V get(@Nullable Object name) {
    int i = indexOf(name);
    return i < 0 ? null : value(i);
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
  public Set<Map.Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < names.length;
          }

          @Override
          public Map.Entry<String, V> next() {
            if (next >= names.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], value(i));
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
