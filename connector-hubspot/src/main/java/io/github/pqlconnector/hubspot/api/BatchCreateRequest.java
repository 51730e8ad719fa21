package io.github.pqlconnector.hubspot.api;

import java.util.List;

/** {@code POST .../objects/{type}/batch/create}: at most 100 inputs. */
public record BatchCreateRequest(List<ObjectCreateInput> inputs) {
  public BatchCreateRequest {
    inputs = List.copyOf(inputs);
  }
}
