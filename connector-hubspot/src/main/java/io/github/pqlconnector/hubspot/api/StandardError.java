package io.github.pqlconnector.hubspot.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One failed group of inputs inside a 200/207 batch response ({@code StandardError}). {@code category} is
 * HubSpot's code ({@code VALIDATION_ERROR}, {@code OBJECT_NOT_FOUND}, {@code CONFLICT}, ...); {@code context} maps
 * varying keys to values, usually the ids, emails or trace ids of the inputs concerned; {@code status} is documented
 * as the HTTP status but HubSpot's examples send {@code "error"}. {@code subCategory} is declared an object, so it
 * is kept as raw JSON. Map these to per-input results with {@link HubSpotInputErrors}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StandardError(@Nullable String status, @Nullable String category, @Nullable JsonNode subCategory,
    @Nullable String message, Map<String, List<String>> context, List<ErrorDetail> errors, @Nullable String id) {

  public StandardError {
    context = WireCollections.context(context);
    errors = WireCollections.list(errors);
  }
}
