package io.github.pqlconnector.hubspot.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST .../associations/{from}/{to}/batch/read} ({@code BatchInputPublicFetchAssociationsBatchRequest}): at
 * most {@link #MAX_INPUTS} records; {@code after} is the paging cursor of one record's associations from an earlier
 * answer, absent on its first page.
 */
public record AssociationReadRequest(List<Input> inputs) {
  /** HubSpot rejects a larger batch read of associations (changelog, 2025-02-10). */
  public static final int MAX_INPUTS = 1000;

  public AssociationReadRequest {
    if (inputs.isEmpty() || inputs.size() > MAX_INPUTS) {
      throw new IllegalArgumentException("association reads take 1.." + MAX_INPUTS + " ids, got " + inputs.size());
    }
    inputs = List.copyOf(inputs);
  }

  /** One record whose associations are read, from the page after {@code after}. */
  public record Input(String id, @Nullable String after) {}
}
