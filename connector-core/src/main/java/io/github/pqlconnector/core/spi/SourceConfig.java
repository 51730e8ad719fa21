package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;

/** The typed config of one analytics source, bound from its YAML block minus {@code type}. */
public interface SourceConfig {
  /** Adds every problem found; never throws. */
  default void validate(ConfigPath at, Problems problems) {}

  /** False for a source of traits only, which a sync can take traits from but not events. */
  default boolean hasEvents() {
    return true;
  }
}
