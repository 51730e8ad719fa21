package io.github.pqlconnector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bulk API 2.0 ingest jobs of the fake org: create ({@code Open}), CSV upload, close ({@code UploadComplete}), then
 * {@code InProgress} until the job's processing time has passed ({@link SalesforceFakeLatency#bulkProcessingMs}; at
 * once by default) and {@code JobComplete}; every uploaded record succeeds, so {@code successfulResults} echoes the
 * upload with {@code sf__Id} and {@code sf__Created} and the failed and unprocessed results are empty.
 */
final class SalesforceBulkJobs {
  private final Map<String, String> uploads = new ConcurrentHashMap<>();
  private final Map<String, Long> readyAt = new ConcurrentHashMap<>();

  ResponseDefinition create() {
    String id = "750xx00000" + uploads.size() + "AAA";
    uploads.put(id, "");
    return SalesforceOrgStub.json(200, job(id, "Open", 0));
  }

  /** {@code tail} is what follows the job id in the path ({@code /batches}, {@code /successfulResults}, or empty). */
  ResponseDefinition answer(String method, String id, String tail, String body, SalesforceFakeLatency latency) {
    long rows = Math.max(0, uploads.getOrDefault(id, "").lines().count() - 1);
    return switch (method + " " + tail) {
      case "PUT /batches" -> {
        uploads.put(id, body);
        yield aResponse().withStatus(201).build();
      }
      case "PATCH " -> {
        readyAt.put(id, System.currentTimeMillis() + latency.bulkProcessingMs(rows));
        yield SalesforceOrgStub.json(200, job(id, "UploadComplete", 0));
      }
      case "GET " -> {
        boolean done = System.currentTimeMillis() >= readyAt.getOrDefault(id, Long.MAX_VALUE);
        yield SalesforceOrgStub.json(200, job(id, done ? "JobComplete" : "InProgress", done ? rows : 0));
      }
      case "GET /successfulResults" -> csv(uploads.get(id).replaceFirst("^", "\"sf__Id\",\"sf__Created\",")
          .replaceAll("\n\"([^\"]+)\"", "\n\"$1\",\"false\",\"$1\""));
      default -> csv("\"sf__Id\",\"sf__Error\"\n");
    };
  }

  private static String job(String id, String state, long processed) {
    return "{\"id\":\"" + id + "\",\"operation\":\"update\",\"object\":\"Contact\",\"state\":\"" + state
        + "\",\"contentType\":\"CSV\",\"apiVersion\":67.0,\"lineEnding\":\"LF\",\"numberRecordsProcessed\":"
        + processed + ",\"numberRecordsFailed\":0}";
  }

  private static ResponseDefinition csv(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/csv").withBody(body).build();
  }
}
