package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.model.EntityLevel;
import java.util.Map;

/**
 * What a destination declares about itself: the most records one write call takes, the trait that
 * identifies a record at each level (users by {@code email}, accounts by {@code domain} or an external
 * id trait), whether records not found are created, and how many batches the sync engine may have in
 * flight at once (match and upsert are then called from that many threads; the destination's own rate
 * limiter still paces them, so this only hides network latency), and {@code maxTaskBatchSize}, the most tasks one
 * {@link CrmDestination#findTasks} or {@link CrmDestination#createTasks} call takes (the vendor's batch size for
 * tasks: 100 for a HubSpot {@code batch/create}, 200 for Salesforce sObject Collections, 50 commands per Bitrix24
 * {@code batch}).
 */
public record Capabilities(int maxBatchSize, Map<EntityLevel, String> matchTraits, boolean createsMissing,
    int maxInFlight, int maxTaskBatchSize) {
  public Capabilities {
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("maxBatchSize must be at least 1");
    }
    if (maxTaskBatchSize < 1) {
      throw new IllegalArgumentException("maxTaskBatchSize must be at least 1");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1");
    }
    matchTraits = Map.copyOf(matchTraits);
  }

  /** Tasks in batches as large as record writes. */
  public Capabilities(int maxBatchSize, Map<EntityLevel, String> matchTraits, boolean createsMissing,
      int maxInFlight) {
    this(maxBatchSize, matchTraits, createsMissing, maxInFlight, maxBatchSize);
  }

  /** A destination that takes one batch at a time. */
  public Capabilities(int maxBatchSize, Map<EntityLevel, String> matchTraits, boolean createsMissing) {
    this(maxBatchSize, matchTraits, createsMissing, 1);
  }

  /** The same, with {@code size} tasks per find or create call. */
  public Capabilities withMaxTaskBatchSize(int size) {
    return new Capabilities(maxBatchSize, matchTraits, createsMissing, maxInFlight, size);
  }

  public String matchTrait(EntityLevel level) {
    return matchTraits.getOrDefault(level, level == EntityLevel.USER ? "email" : "domain");
  }
}
