package io.github.pqlconnector.hubspot.api;

import java.util.List;

/** {@code POST .../objects/{type}/batch/update}: at most 100 inputs, no two naming the same record. */
public record BatchUpdateRequest(List<ObjectBatchInput> inputs) {
  public BatchUpdateRequest {
    inputs = List.copyOf(inputs);
  }
}
