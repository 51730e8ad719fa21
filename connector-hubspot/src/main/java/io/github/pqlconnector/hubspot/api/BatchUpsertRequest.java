package io.github.pqlconnector.hubspot.api;

import java.util.List;

/**
 * {@code POST .../objects/{type}/batch/upsert}: at most 100 inputs, each naming a unique {@code idProperty}
 * ({@code email} for contacts; {@code domain} is not unique and cannot be used).
 */
public record BatchUpsertRequest(List<ObjectBatchInput> inputs) {
  public BatchUpsertRequest {
    inputs = List.copyOf(inputs);
  }
}
