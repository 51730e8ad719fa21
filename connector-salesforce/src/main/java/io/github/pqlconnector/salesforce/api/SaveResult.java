package io.github.pqlconnector.salesforce.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One element of an sObject Collections answer, in request order: {@code {"id":"003…","success":true,"errors":[]}}
 * or {@code {"success":false,"errors":[{"statusCode":"…","message":"…","fields":[…]}]}}. The HTTP status is 200
 * even when records failed, so every element must be read. Also the answer of a single-record create.
 */
public record SaveResult(@Nullable String id, boolean success, @Nullable List<RecordError> errors,
    @Nullable Boolean created) {
  public SaveResult {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }
}
