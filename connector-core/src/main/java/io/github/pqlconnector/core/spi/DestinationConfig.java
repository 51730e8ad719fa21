package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;

/** The typed config of one CRM destination, bound from its YAML block minus {@code type}. */
public interface DestinationConfig {
  /** Adds every problem found; never throws. */
  default void validate(ConfigPath at, Problems problems) {}

  /** When to open follow-up tasks; none unless the destination's config says so. */
  default TaskPolicy tasks() {
    return TaskPolicy.none();
  }
}
