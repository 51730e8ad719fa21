package io.github.pqlconnector.hubspot.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's own promises, where the fault matrix would not notice them broken. */
class HubSpotFakeTest {
  private static final String READ = """
      {"idProperty":"email","inputs":[{"id":"a@example.com"},{"id":"nobody@example.com"}],"properties":["email"],
       "propertiesWithHistory":[]}""";
  private final HubSpotFake fake = new HubSpotFake();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void aShareOfCallsFailsEvenInAShortRun() throws Exception {
    fake.seed(List.of("a@example.com"), List.of());
    fake.failRandomly(0.2, 42);   // independent draws from Random(42) pick none of the first 14 calls
    int failed = 0;
    for (int i = 0; i < 10; i++) {
      failed += post("crm/v3/objects/contacts/batch/read", READ, HubSpotFake.TOKEN).statusCode() == 503 ? 1 : 0;
    }
    assertThat(failed).isEqualTo(2);
    assertThat(fake.calls()).isEqualTo(10);
  }

  @Test
  void aBatchReadByEmailAnswersTheContactsFoundAndA207ForTheRest() throws Exception {
    fake.seed(List.of("a@example.com"), List.of("a.example"));
    HttpResponse<String> response = post("crm/objects/2026-09/contacts/batch/read", READ, HubSpotFake.TOKEN);
    assertThat(response.statusCode()).isEqualTo(207);
    assertThat(response.body()).contains("\"email\":\"a@example.com\"", "OBJECT_NOT_FOUND", "nobody@example.com");
  }

  @Test
  void aWrongOrExpiredTokenIsInvalidAuthentication() throws Exception {
    fake.seed(List.of("a@example.com"), List.of());
    assertThat(post("crm/v3/objects/contacts/batch/read", READ, "other").statusCode()).isEqualTo(401);
    fake.expireToken();
    HttpResponse<String> expired = post("crm/v3/objects/contacts/batch/read", READ, HubSpotFake.TOKEN);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("INVALID_AUTHENTICATION");
    fake.liftFaults();
    assertThat(post("crm/v3/objects/contacts/batch/read", READ, HubSpotFake.TOKEN).statusCode()).isEqualTo(207);
  }

  @Test
  void aTaskKeyIsUniqueAndTasksCountPerAssociatedRecord() throws Exception {
    fake.seed(List.of("a@example.com"), List.of());
    String task = """
        {"inputs":[{"properties":{"hs_task_subject":"PQL","hubspot_owner_id":"%s","pql_task_key":"k1",
          "hs_timestamp":"2026-12-01T09:00:00Z"},"objectWriteTraceId":"k1",
          "associations":[{"to":{"id":"1001"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":204}]}]}]}"""
        .formatted(HubSpotFake.DEFAULT_OWNER);
    assertThat(post("crm/v3/objects/tasks/batch/create", task, HubSpotFake.TOKEN).statusCode()).isEqualTo(201);
    HttpResponse<String> again = post("crm/v3/objects/tasks/batch/create", task, HubSpotFake.TOKEN);
    assertThat(again.statusCode()).isEqualTo(207);
    assertThat(again.body()).contains("CONFLICT");
    assertThat(fake.tasksPerRecord()).isEqualTo(Map.of("a@example.com", 1));
  }

  @Test
  void anEnforcedBurstLimitAnswersHubSpots429AndCountsItPerEndpoint() throws Exception {
    fake.seed(List.of("a@example.com"), List.of());
    fake.rateLimits(2, 4, true);
    for (int i = 0; i < 2; i++) {
      assertThat(post("crm/v3/objects/contacts/batch/read", READ, HubSpotFake.TOKEN).statusCode()).isEqualTo(207);
    }
    HttpResponse<String> limited = post("crm/v3/objects/contacts/batch/read", READ, HubSpotFake.TOKEN);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.body()).contains("\"errorType\":\"RATE_LIMIT\"", "TEN_SECONDLY_ROLLING");
    assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(s).matches("10|9"));
    assertThat(fake.traffic().endpoints())
        .containsEntry("contacts batch/read", new HubSpotFakeTraffic.Endpoint(3, 4, 1));
    assertThat(fake.traffic().refusals()).singleElement().asString().contains("contacts batch/read");
  }

  private HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
