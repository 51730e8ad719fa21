package io.github.pqlconnector.hubspot.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST .../objects/{type}/batch/read} ({@code BatchReadInputSimplePublicObjectId}). With {@code idProperty}
 * the input ids are values of that unique property ({@code email}); without it they are record ids. The spec
 * requires {@code propertiesWithHistory}, always sent empty here (history caps a batch at 50 inputs).
 */
public record BatchReadRequest(@Nullable String idProperty, List<ObjectId> inputs, List<String> properties,
    List<String> propertiesWithHistory) {

  public BatchReadRequest {
    inputs = List.copyOf(inputs);
    properties = List.copyOf(properties);
    propertiesWithHistory = List.copyOf(propertiesWithHistory);
  }

  /** Reads the records whose {@code idProperty} equals one of {@code values}, returning {@code properties}. */
  public static BatchReadRequest byProperty(String idProperty, List<String> values, List<String> properties) {
    return new BatchReadRequest(idProperty, values.stream().map(ObjectId::new).toList(), properties, List.of());
  }

  /** Reads the records with these HubSpot record ids, returning {@code properties}. */
  public static BatchReadRequest byIds(List<String> recordIds, List<String> properties) {
    return new BatchReadRequest(null, recordIds.stream().map(ObjectId::new).toList(), properties, List.of());
  }
}
