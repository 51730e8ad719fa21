package io.github.pqlconnector.salesforce.api;

import org.jspecify.annotations.Nullable;

/**
 * A Bulk API 2.0 ingest job as {@code POST jobs/ingest} and {@code GET jobs/ingest/{id}} return it. {@code state}
 * goes {@code Open} → {@code UploadComplete} → {@code InProgress} → {@code JobComplete}, or ends {@code Failed} or
 * {@code Aborted} (with {@code errorMessage}).
 */
public record JobInfo(String id, @Nullable String object, @Nullable String operation, String state,
    @Nullable Long numberRecordsProcessed, @Nullable Long numberRecordsFailed, @Nullable String errorMessage) {
  public static final String OPEN = "Open";
  public static final String UPLOAD_COMPLETE = "UploadComplete";
  public static final String JOB_COMPLETE = "JobComplete";
  public static final String FAILED = "Failed";
  public static final String ABORTED = "Aborted";

  public boolean finished() {
    return JOB_COMPLETE.equals(state) || FAILED.equals(state) || ABORTED.equals(state);
  }
}
