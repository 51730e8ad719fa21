package io.github.pqlconnector.hubspot.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * One detail of a HubSpot error ({@code ErrorDetail}): a machine {@code code}, the field or parameter it concerns
 * ({@code in}), and a context whose keys vary by error. The spec declares {@code context} a map of string lists but
 * HubSpot's own reference pages render it as a string, so it is kept as raw JSON.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorDetail(@Nullable String message, @Nullable String code, @Nullable String in,
    @Nullable String subCategory, @Nullable JsonNode context) {}
