package io.github.pqlconnector.core.config;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Copies bound lists, dropping entries that failed to bind (already reported as problems). */
final class ConfigLists {
  private ConfigLists() {}

  static <T> List<T> copy(@Nullable List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}
