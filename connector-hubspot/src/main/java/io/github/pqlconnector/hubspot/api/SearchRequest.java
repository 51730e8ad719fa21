package io.github.pqlconnector.hubspot.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST .../objects/{type}/search} ({@code PublicObjectSearchRequest}). {@code limit} is at most 200;
 * {@code after} is the cursor from {@link SearchResponse#nextAfter()}, absent on the first page. Search is
 * eventually consistent: a record written seconds ago may be missing.
 */
public record SearchRequest(List<FilterGroup> filterGroups, List<String> properties, List<Sort> sorts, int limit,
    @Nullable String after) {
  public static final int MAX_LIMIT = 200;

  public SearchRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("search limit must be 1.." + MAX_LIMIT + ", was " + limit);
    }
    filterGroups = List.copyOf(filterGroups);
    properties = List.copyOf(properties);
    sorts = List.copyOf(sorts);
  }

  /** The first page of records matching any of {@code groups}, unsorted. */
  public static SearchRequest firstPage(List<FilterGroup> groups, List<String> properties, int limit) {
    return new SearchRequest(groups, properties, List.of(), limit, null);
  }

  /** The first page of records matching any of {@code groups}, in the order of {@code sort}. */
  public static SearchRequest sorted(List<FilterGroup> groups, List<String> properties, Sort sort, int limit) {
    return new SearchRequest(groups, properties, List.of(sort), limit, null);
  }

  public SearchRequest nextPage(String after) {
    return new SearchRequest(filterGroups, properties, sorts, limit, after);
  }
}
