package io.github.pqlconnector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake org's options a benchmark relies on, where the fault matrix would not notice them broken. */
class SalesforceFakeTest {
  private static final Pattern JOB_ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private final SalesforceFake fake = new SalesforceFake();
  private final HttpClient http = HttpClient.newHttpClient();
  private String token;

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void aClosedBulkJobIsInProgressUntilItsProcessingTimeHasPassed() throws Exception {
    fake.seed(List.of("a@example.com"), List.of());
    fake.latency(new SalesforceFakeLatency(1.0, 0, 0, 0, 0, 300, 1_000));   // 0.3 s in the queue, 1 ms a record
    grant();
    Matcher id = JOB_ID.matcher(call("POST", "/jobs/ingest", "{\"object\":\"Contact\",\"operation\":\"update\"}")
        .body());
    assertThat(id.find()).isTrue();
    String job = "/jobs/ingest/" + id.group(1);
    assertThat(call("PUT", job + "/batches", "\"Id\",\"PQL_Status__c\"\n\"003xx1\",\"pql\"\n").statusCode())
        .isEqualTo(201);
    call("PATCH", job, "{\"state\":\"UploadComplete\"}");
    assertThat(call("GET", job, null).body()).contains("\"state\":\"InProgress\"");
    Thread.sleep(400);
    assertThat(call("GET", job, null).body()).contains("\"state\":\"JobComplete\"", "\"numberRecordsProcessed\":1");
    assertThat(fake.traffic().take()).containsEntry("bulk create", 1L).containsEntry("bulk upload", 1L)
        .containsEntry("bulk close", 1L).containsEntry("bulk poll", 2L).containsEntry("token", 1L);
    assertThat(fake.traffic().take()).isEmpty();
  }

  @Test
  void aSpentDailyAllocationIsRequestLimitExceeded() throws Exception {
    fake.seed(List.of("a@example.com"), List.of());
    fake.dailyApiLimit(2);
    grant();
    String query = "/query?q=SELECT+Id+FROM+Contact+WHERE+Email+IN+('a@example.com')";
    assertThat(call("GET", query, null).body()).contains("\"totalSize\":1");
    assertThat(call("GET", query, null).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = call("GET", query, null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("REQUEST_LIMIT_EXCEEDED");
    assertThat(fake.apiUsage()).isEqualTo(2);
  }

  private void grant() throws IOException, InterruptedException {
    HttpResponse<String> granted = http.send(HttpRequest.newBuilder(URI.create(fake.loginUrl()
        + SalesforceStubs.TOKEN_PATH)).POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
        .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
    Matcher access = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(granted.body());
    assertThat(access.find()).isTrue();
    token = access.group(1);
  }

  private HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body);
    return http.send(HttpRequest.newBuilder(URI.create(fake.loginUrl() + SalesforceStubs.DATA + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
  }
}
