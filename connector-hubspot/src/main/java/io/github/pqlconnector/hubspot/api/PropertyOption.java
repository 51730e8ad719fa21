package io.github.pqlconnector.hubspot.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One choice of an enumeration property, written ({@code OptionInput}) and read ({@code Option}). {@code value} is
 * what the API writes and reads; {@code label} is what people see. From {@code 2026-09} HubSpot requires {@code
 * displayOrder} on input.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PropertyOption(String label, String value, boolean hidden, int displayOrder,
    @Nullable String description) {

  public static PropertyOption of(String value, String label, int displayOrder) {
    return new PropertyOption(label, value, false, displayOrder, null);
  }
}
