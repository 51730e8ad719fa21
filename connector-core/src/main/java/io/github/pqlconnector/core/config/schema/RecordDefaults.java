package io.github.pqlconnector.core.config.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pqlconnector.core.config.Durations;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The default of each config key, read from the record itself: built with every key left out (all nulls), a
 * config record's compact constructor fills in its defaults, so the schema states exactly what the loader does.
 * Only plain values are defaults here (text, numbers, booleans, durations, enums and lists of them); nested blocks
 * show their own keys' defaults, and secrets never have one.
 */
final class RecordDefaults {
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final Map<Class<?>, Map<String, Object>> CACHE = new ConcurrentHashMap<>();

  private RecordDefaults() {}

  /** The default of {@code component} of {@code type}, or null when it has none worth stating. */
  static @Nullable Object of(Class<?> type, String component) {
    return CACHE.computeIfAbsent(type, RecordDefaults::read).get(component);
  }

  private static Map<String, Object> read(Class<?> type) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    if (!type.isRecord()) {
      return defaults;
    }
    RecordComponent[] components = type.getRecordComponents();
    if (Arrays.stream(components).anyMatch(c -> c.getType().isPrimitive())) {
      return defaults;
    }
    try {
      Constructor<?> canonical = type.getDeclaredConstructor(
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      canonical.setAccessible(true);
      Object empty = canonical.newInstance(new Object[components.length]);
      for (RecordComponent component : components) {
        component.getAccessor().setAccessible(true);
        Object value = plain(component.getAccessor().invoke(empty));
        if (value != null) {
          defaults.put(component.getName(), value);
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // a record that refuses to be built empty has no defaults to state
      defaults.clear();
    }
    return defaults;
  }

  private static @Nullable Object plain(@Nullable Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    if (value instanceof Duration d) {
      return Durations.format(d);
    }
    if (value instanceof Enum<?> e) {
      return PLAIN.convertValue(e, String.class);
    }
    if (value instanceof List<?> list && !list.isEmpty()) {
      List<Object> items = new ArrayList<>();
      for (Object item : list) {
        Object plainItem = plain(item);
        if (plainItem == null || plainItem instanceof List) {
          return null;
        }
        items.add(plainItem);
      }
      return items;
    }
    return null;
  }
}
