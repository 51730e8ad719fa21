package io.github.pqlconnector.hubspot.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One condition of a CRM search: {@code value} for single-value operators, {@code values} for {@code IN}. */
public record Filter(String propertyName, FilterOperator operator, @Nullable String value,
    @Nullable List<String> values) {

  public Filter {
    values = values == null ? null : List.copyOf(values);
  }

  public static Filter eq(String propertyName, String value) {
    return new Filter(propertyName, FilterOperator.EQ, value, null);
  }

  /** Matches any of {@code values}; HubSpot compares them as given, so lowercase emails and domains first. */
  public static Filter in(String propertyName, List<String> values) {
    return new Filter(propertyName, FilterOperator.IN, null, values);
  }
}
