package io.github.pqlconnector.hubspot.api;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One record of a batch create ({@code SimplePublicObjectBatchInputForCreate}). Give every input a unique {@code
 * objectWriteTraceId}: without it HubSpot fails the whole batch instead of answering 207 per input.
 */
public record ObjectCreateInput(Map<String, String> properties, List<AssociationInput> associations,
    @Nullable String objectWriteTraceId) {

  public ObjectCreateInput {
    properties = Map.copyOf(properties);
    associations = List.copyOf(associations);
  }
}
