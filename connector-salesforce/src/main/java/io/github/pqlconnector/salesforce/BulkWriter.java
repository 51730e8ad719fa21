package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.resilience.Sleeper;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.WriteResults;
import io.github.pqlconnector.salesforce.api.IngestJobRequest;
import io.github.pqlconnector.salesforce.api.JobInfo;
import io.github.pqlconnector.salesforce.api.JobStateRequest;
import io.github.pqlconnector.salesforce.api.SalesforceCategories;
import io.github.pqlconnector.salesforce.api.SalesforceErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;

/**
 * One Bulk API 2.0 {@code update} job per object: create the job, upload the CSV ({@code Id} plus the PQL fields),
 * close it, poll until {@code JobComplete}/{@code Failed}/{@code Aborted}, then read the successful, failed and
 * unprocessed records and map each back to its input by {@code Id} (result order is not the input order). Failures
 * keep the code of {@code sf__Error} ({@code CODE:message}); unprocessed records stay queued (TRANSIENT).
 */
final class BulkWriter {
  static final String UNPROCESSED = "BULK_UNPROCESSED";
  private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);
  private static final MediaType CSV = MediaType.get("text/csv");
  private static final String NULL = "#N/A";

  private final SalesforceCalls calls;
  private final SalesforceConfig.Bulk settings;
  private final Sleeper pause;

  BulkWriter(SalesforceCalls calls, SalesforceConfig.Bulk settings, Sleeper pause) {
    this.calls = calls;
    this.settings = settings;
    this.pause = pause;
  }

  void update(String object, List<PqlUpdate> updates, WriteResults outcome) {
    JobInfo job = calls.execute(calls.api().createJob(calls.data(), IngestJobRequest.update(object)));
    calls.execute(calls.api().uploadJobData(calls.data(), job.id(), RequestBody.create(csv(updates), CSV)));
    calls.execute(calls.api().closeJob(calls.data(), job.id(), JobStateRequest.uploadComplete()));
    JobInfo done = awaitFinished(job.id());
    log.info("bulk job {} on {}: {} ({} processed, {} failed)", done.id(), object, done.state(),
        done.numberRecordsProcessed(), done.numberRecordsFailed());
    Map<String, EntityRef> byId = new HashMap<>();
    updates.forEach(u -> byId.put(u.recordId(), u.entity()));
    rows(calls.api().successfulResults(calls.data(), job.id())).forEach(row -> {
      EntityRef entity = byId.get(row.get("Id"));
      if (entity != null) {
        outcome.written(entity, row.getOrDefault("sf__Id", row.get("Id")));
      }
    });
    rows(calls.api().failedResults(calls.data(), job.id())).forEach(row -> failed(row, byId, outcome));
    rows(calls.api().unprocessedRecords(calls.data(), job.id())).forEach(row -> {
      EntityRef entity = byId.get(row.get("Id"));
      if (entity != null) {
        outcome.fail(entity, ErrorCategory.TRANSIENT, UNPROCESSED, "the bulk job ended before processing this record");
      }
    });
    String why = done.errorMessage() == null ? "" : ": " + done.errorMessage();
    outcome.failUnresolved(updates, ErrorCategory.TRANSIENT, WriteResults.NO_RESULT,
        "bulk job " + done.id() + " ended " + done.state() + " without a result for this record" + why);
  }

  private JobInfo awaitFinished(String jobId) {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    while (true) {
      JobInfo job = calls.execute(calls.api().job(calls.data(), jobId));
      if (job.finished()) {
        return job;
      }
      if (System.nanoTime() > deadline) {
        abortQuietly(jobId);
        throw new VendorException(SalesforceErrors.VENDOR, ErrorCategory.TRANSIENT, 0, "bulk job " + jobId
            + " still " + job.state() + " after " + settings.timeout() + "; aborted, the records stay queued", null);
      }
      pause.sleep(settings.pollInterval());
    }
  }

  private void abortQuietly(String jobId) {
    try {
      calls.execute(calls.api().abortJob(calls.data(), jobId, new JobStateRequest(JobInfo.ABORTED)));
    } catch (VendorException e) {
      log.warn("could not abort bulk job {}: {}", jobId, e.getMessage());
    }
  }

  private static void failed(Map<String, String> row, Map<String, EntityRef> byId, WriteResults outcome) {
    EntityRef entity = byId.get(row.get("Id"));
    if (entity == null) {
      return;
    }
    String error = row.getOrDefault("sf__Error", "");
    int colon = error.indexOf(':');
    String code = colon > 0 ? error.substring(0, colon) : "UNKNOWN";
    outcome.fail(entity, SalesforceCategories.forRecord(code), code, colon > 0 ? error.substring(colon + 1) : error);
  }

  private List<Map<String, String>> rows(Call<ResponseBody> call) {
    try (ResponseBody body = calls.execute(call)) {
      return body == null ? List.of() : BulkCsv.parse(body.string());
    } catch (IOException e) {
      throw SalesforceErrors.from(e, "SalesforceApi.bulkResults");
    }
  }

  static String csv(List<PqlUpdate> updates) {
    List<String> header = new ArrayList<>(List.of("Id"));
    header.addAll(SalesforceFields.names());
    List<List<String>> rows = new ArrayList<>();
    for (PqlUpdate update : updates) {
      List<String> row = new ArrayList<>(List.of(update.recordId()));
      SalesforceFields.values(update.fields()).values().forEach(v -> row.add(v == null ? NULL : v.toString()));
      rows.add(row);
    }
    return BulkCsv.write(header, rows);
  }
}
