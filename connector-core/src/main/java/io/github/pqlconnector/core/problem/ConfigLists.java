package io.github.pqlconnector.core.problem;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Copies bound lists, dropping entries that failed to bind (already reported as problems). */
public final class ConfigLists {
  private ConfigLists() {}

  public static <T> List<T> copy(@Nullable List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}
