package io.github.pqlconnector.hubspot.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to every {@code batch/*} call ({@code BatchResponseSimplePublicObject}, {@code
 * ...SimplePublicUpsertObject} and their {@code WithErrors} forms). HTTP 200/201 means every input is in {@code
 * results}; HTTP 207 (multi-status) means some are and the rest failed, described in {@code errors} and counted in
 * {@code numErrors}. {@code status} is {@code COMPLETE} once processed ({@code PENDING}, {@code PROCESSING} and
 * {@code CANCELED} also exist). Results are not guaranteed to follow input order: pair them by id or {@code
 * objectWriteTraceId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchResponse(String status, List<ObjectResponse> results, List<StandardError> errors, int numErrors,
    @Nullable Instant requestedAt, @Nullable Instant startedAt, @Nullable Instant completedAt) {
  public static final String COMPLETE = "COMPLETE";

  public BatchResponse {
    results = WireCollections.list(results);
    errors = WireCollections.list(errors);
  }

  public boolean hasErrors() {
    return !errors.isEmpty() || numErrors > 0;
  }
}
