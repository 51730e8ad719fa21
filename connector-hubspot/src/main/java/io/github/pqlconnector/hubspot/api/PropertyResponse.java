package io.github.pqlconnector.hubspot.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A property definition as HubSpot returns it ({@code Property}). {@code type} and {@code fieldType} stay strings so
 * a type HubSpot adds later still reads; compare them with {@link PropertyType#wireName()} and {@link
 * FieldType#wireName()}. {@code options} is empty for anything but enumerations.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PropertyResponse(String name, String label, String type, String fieldType, @Nullable String groupName,
    @Nullable String description, List<PropertyOption> options, boolean hasUniqueValue, boolean hidden,
    boolean hubspotDefined, boolean archived) {

  public PropertyResponse {
    options = WireCollections.list(options);
  }
}
