package io.github.pqlconnector.core.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * A position in the config file, printed the way users read it ({@code syncs[0].cron}) and convertible to
 * the JSON pointer ({@code /syncs/0/cron}) under which its line number is indexed.
 */
public record ConfigPath(List<Object> segments) {
  public static final ConfigPath ROOT = new ConfigPath(List.of());

  public ConfigPath {
    segments = List.copyOf(segments);
  }

  public static ConfigPath of(String... keys) {
    ConfigPath path = ROOT;
    for (String key : keys) {
      path = path.child(key);
    }
    return path;
  }

  /** Parses a JSON pointer; segments made only of digits are taken as list indexes. */
  public static ConfigPath fromPointer(String pointer) {
    List<Object> parts = new ArrayList<>();
    if (!pointer.isEmpty()) {
      for (String raw : pointer.substring(1).split("/", -1)) {
        String key = raw.replace("~1", "/").replace("~0", "~");
        parts.add(!key.isEmpty() && key.chars().allMatch(Character::isDigit) ? (Object) Integer.valueOf(key) : key);
      }
    }
    return new ConfigPath(parts);
  }

  public ConfigPath child(String key) {
    return append(key);
  }

  public ConfigPath index(int index) {
    return append(index);
  }

  public ConfigPath resolve(ConfigPath relative) {
    List<Object> all = new ArrayList<>(segments);
    all.addAll(relative.segments);
    return new ConfigPath(all);
  }

  public ConfigPath parent() {
    return segments.isEmpty() ? this : new ConfigPath(segments.subList(0, segments.size() - 1));
  }

  public String pointer() {
    StringBuilder out = new StringBuilder();
    for (Object segment : segments) {
      out.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }

  private ConfigPath append(Object segment) {
    List<Object> all = new ArrayList<>(segments);
    all.add(segment);
    return new ConfigPath(all);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Object segment : segments) {
      if (segment instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(segment);
      }
    }
    return out.toString();
  }
}
