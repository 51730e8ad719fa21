package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.model.EntityLevel;
import java.util.Map;

/**
 * What a destination declares about itself: the most records one write call takes, the trait that
 * identifies a record at each level (users by {@code email}, accounts by {@code domain} or an external
 * id trait), and whether records not found are created.
 */
public record Capabilities(int maxBatchSize, Map<EntityLevel, String> matchTraits, boolean createsMissing) {
  public Capabilities {
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("maxBatchSize must be at least 1");
    }
    matchTraits = Map.copyOf(matchTraits);
  }

  public String matchTrait(EntityLevel level) {
    return matchTraits.getOrDefault(level, level == EntityLevel.USER ? "email" : "domain");
  }
}
