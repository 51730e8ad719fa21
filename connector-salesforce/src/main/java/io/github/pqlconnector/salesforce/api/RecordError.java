package io.github.pqlconnector.salesforce.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A per-record error in a save result: {@code statusCode} (e.g. {@code FIELD_CUSTOM_VALIDATION_EXCEPTION}). */
public record RecordError(@Nullable String statusCode, @Nullable String message, @Nullable List<String> fields) {
  public RecordError {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }
}
