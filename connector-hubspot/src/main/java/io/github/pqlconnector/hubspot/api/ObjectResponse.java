package io.github.pqlconnector.hubspot.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A CRM record as HubSpot returns it ({@code SimplePublicObject}, or {@code SimplePublicUpsertObject} in an upsert):
 * its id, the requested properties (a property HubSpot has no value for maps to {@code null}), and the {@code
 * objectWriteTraceId} of the input that wrote it. {@code created} is HubSpot's {@code new}: {@code true} when an
 * upsert created the record, {@code false} when it updated one, {@code null} outside upserts.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ObjectResponse(String id, Map<String, @Nullable String> properties, @Nullable Instant createdAt,
    @Nullable Instant updatedAt, boolean archived, @Nullable String objectWriteTraceId,
    @JsonProperty("new") @Nullable Boolean created) {

  public ObjectResponse {
    properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** The value of {@code name}, empty when HubSpot sent none or {@code null}. */
  public Optional<String> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }
}
