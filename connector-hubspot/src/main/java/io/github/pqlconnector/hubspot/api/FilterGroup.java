package io.github.pqlconnector.hubspot.api;

import java.util.List;

/**
 * Filters that must all hold (AND); a search's groups are alternatives (OR). HubSpot allows at most 5 groups, 10
 * filters per group and 25 filters in all.
 */
public record FilterGroup(List<Filter> filters) {
  public FilterGroup {
    filters = List.copyOf(filters);
  }

  public static FilterGroup of(Filter... filters) {
    return new FilterGroup(List.of(filters));
  }
}
