package io.github.pqlconnector.salesforce.api;

import org.jspecify.annotations.Nullable;

/**
 * Creates a Bulk API 2.0 ingest job ({@code POST jobs/ingest}): {@code {"object":"Contact","operation":"update",
 * "contentType":"CSV","lineEnding":"LF"}}; {@code externalIdFieldName} only for upserts.
 */
public record IngestJobRequest(String object, String operation, String contentType, String lineEnding,
    @Nullable String externalIdFieldName) {

  public static IngestJobRequest update(String object) {
    return new IngestJobRequest(object, "update", "CSV", "LF", null);
  }
}
