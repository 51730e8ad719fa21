package io.github.pqlconnector.hubspot.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/** A property group as HubSpot returns it ({@code PropertyGroup}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PropertyGroupResponse(String name, String label, @Nullable Integer displayOrder, boolean archived) {}
