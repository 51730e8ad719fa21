package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.PqlStatus;
import org.jspecify.annotations.Nullable;

/**
 * One page of a sync's entity directory: null filters match everything; {@code search} matches id, email or domain
 * exactly or by prefix, ignoring case.
 */
public record EntityQuery(String sync, @Nullable PqlStatus status, @Nullable EntityLevel level, @Nullable String type,
    @Nullable String owner, @Nullable String search, Sort sort, int offset, int limit) {
  /** Highest first; entities without a value (never qualified) last, then by level and id. */
  public enum Sort { SCORE, QUALIFIED_AT }

  public EntityQuery {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
    }
    search = search == null || search.isBlank() ? null : search.trim();
  }
}
