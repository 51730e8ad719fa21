package io.github.pqlconnector.hubspot.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.fixture;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.respond;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.verifyPost;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.error.ErrorCategory;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/** HTTP 207 batches: successes in {@code results}, failures per input in {@code errors}, split by input key. */
@WireMockTest
class HubSpotMultiStatusContractTest {
  private static final List<String> EMAILS = List.of("ana@example.com", "ben@example.com", "cleo@example.com");
  private HubSpotApi api;

  @BeforeEach
  void connect(WireMockRuntimeInfo wireMock) {
    api = HubSpotStubs.api(wireMock);
  }

  @Test
  void partialUpsertSplitsIntoSuccessesAndPerInputErrors() {
    BatchResponse batch = multiStatusUpsert();

    assertThat(batch.results()).extracting(ObjectResponse::objectWriteTraceId).containsExactly("user:ana@example.com");
    assertThat(batch.numErrors()).isEqualTo(3);
    assertThat(batch.hasErrors()).isTrue();
    assertThat(batch.errors().get(0).errors()).singleElement()
        .satisfies(detail -> assertThat(detail.code()).isEqualTo("INVALID_OPTION"));
    assertThat(HubSpotInputErrors.of(batch, EMAILS)).containsExactly(
        new HubSpotInputError("cleo@example.com", ErrorCategory.INVALID_REQUEST, "VALIDATION_ERROR",
            batch.errors().get(0).message()),
        new HubSpotInputError("ben@example.com", ErrorCategory.CONFLICT, "CONFLICT",
            "Contact already exists. Existing ID: 601"),
        new HubSpotInputError(null, ErrorCategory.INVALID_REQUEST, "SOMETHING_NEW",
            "An error HubSpot has not documented"));
  }

  @Test
  void perInputErrorsAlsoMatchTheTraceIdsThatWereSent() {
    BatchResponse batch = multiStatusUpsert();

    List<HubSpotInputError> errors = HubSpotInputErrors.of(batch,
        List.of("user:ana@example.com", "user:ben@example.com", "user:cleo@example.com"));

    assertThat(errors).extracting(HubSpotInputError::input).containsExactly("user:cleo@example.com", null, null);
  }

  @Test
  void batchReadReportsRecordsNotFoundAsPerInputErrors() {
    stubFor(post(urlPathEqualTo("/crm/v3/objects/contacts/batch/read")).willReturn(aResponse().withStatus(207)
        .withHeader("Content-Type", "application/json").withBody(fixture("batch-read/response-one-not-found.json"))));

    Response<BatchResponse> response = respond(api.batchRead(HubSpotApiVersion.V3.objectsPath(), "contacts",
        BatchReadRequest.byProperty("email", List.of("ana@example.com", "ben@example.com"),
            List.of("email", "hubspot_owner_id", "pql_status"))));

    assertThat(response.code()).isEqualTo(207);
    assertThat(response.body().results()).extracting(ObjectResponse::id).containsExactly("512");
    assertThat(HubSpotInputErrors.of(response.body(), List.of("ana@example.com", "ben@example.com")))
        .containsExactly(new HubSpotInputError("ben@example.com", ErrorCategory.NOT_FOUND, "OBJECT_NOT_FOUND",
            "Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid."));
  }

  private BatchResponse multiStatusUpsert() {
    stubFor(post(urlPathEqualTo("/crm/objects/2026-09/contacts/batch/upsert")).willReturn(aResponse()
        .withStatus(207).withHeader("Content-Type", "application/json")
        .withBody(fixture("batch-upsert/response-multi-status.json"))));

    Response<BatchResponse> response = respond(api.batchUpsert(new HubSpotApiVersion("2026-09").objectsPath(),
        "contacts", HubSpotApiContractTest.upsertOfThreeContacts()));

    verifyPost("/crm/objects/2026-09/contacts/batch/upsert", "batch-upsert/request-contacts-by-email.json");
    assertThat(response.code()).isEqualTo(207);
    assertThat(response.isSuccessful()).isTrue();
    return response.body();
  }
}
