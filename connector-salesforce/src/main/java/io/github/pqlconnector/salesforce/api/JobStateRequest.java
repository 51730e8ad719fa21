package io.github.pqlconnector.salesforce.api;

/** {@code PATCH jobs/ingest/{id}} with {@code {"state":"UploadComplete"}} closes the upload; Salesforce then processes. */
public record JobStateRequest(String state) {
  public static JobStateRequest uploadComplete() {
    return new JobStateRequest(JobInfo.UPLOAD_COMPLETE);
  }
}
