package io.github.pqlconnector.salesforce.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One element of a Salesforce error body, which is a JSON array: {@code [{"message":"Session expired or
 * invalid","errorCode":"INVALID_SESSION_ID"}]}; {@code fields} names the fields at fault, when any.
 */
public record ApiError(@Nullable String message, @Nullable String errorCode, @Nullable List<String> fields) {
  public ApiError {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }
}
