package io.github.pqlconnector.salesforce.api;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The part of {@code GET sobjects/{Object}/describe} the setup reads: the object and its fields' names and types. */
public record DescribeResponse(String name, List<Field> fields) {
  public DescribeResponse {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  /** A field as describe reports it: {@code type} is {@code picklist}, {@code double}, {@code datetime}, … */
  public record Field(String name, String type, @Nullable Boolean updateable) {}

  public Optional<Field> field(String name) {
    return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
  }
}
