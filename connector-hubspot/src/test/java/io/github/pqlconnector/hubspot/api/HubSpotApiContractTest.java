package io.github.pqlconnector.hubspot.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.call;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.fixture;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.verifyPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The record calls (batch read, search, batch update/upsert/create) against HubSpot's documented shapes. */
@WireMockTest
class HubSpotApiContractTest {
  private HubSpotApi api;

  @BeforeEach
  void connect(WireMockRuntimeInfo wireMock) {
    api = HubSpotStubs.api(wireMock);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(HubSpotStubs.VERSIONS)
  void batchReadFindsContactsByEmail(HubSpotApiVersion version, String objects) {
    stubFor(post(urlPathEqualTo(objects + "/contacts/batch/read"))
        .willReturn(okJson(fixture("batch-read/response-contacts.json"))));

    BatchResponse batch = call(api.batchRead(version.objectsPath(), "contacts", BatchReadRequest.byProperty("email",
        List.of("ana@example.com", "ben@example.com"), List.of("email", "hubspot_owner_id", "pql_status"))));

    verifyPost(objects + "/contacts/batch/read", "batch-read/request-contacts-by-email.json");
    assertThat(batch.status()).isEqualTo(BatchResponse.COMPLETE);
    assertThat(batch.hasErrors()).isFalse();
    assertThat(batch.results()).extracting(ObjectResponse::id).containsExactly("512", "513");
    ObjectResponse ana = batch.results().get(0);
    assertThat(ana.property("email")).contains("ana@example.com");
    assertThat(ana.property("hubspot_owner_id")).contains("64492917");
    assertThat(ana.properties()).containsEntry("pql_status", null);
    assertThat(ana.property("pql_status")).isEmpty();
    assertThat(ana.createdAt()).isEqualTo(Instant.parse("2026-01-12T08:30:17.883Z"));
    assertThat(ana.created()).isNull();
    assertThat(batch.completedAt()).isEqualTo(Instant.parse("2026-10-01T09:00:00.180Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(HubSpotStubs.VERSIONS)
  void searchMatchesCompaniesByDomainAndReturnsTheNextCursor(HubSpotApiVersion version, String objects) {
    stubFor(post(urlPathEqualTo(objects + "/companies/search"))
        .willReturn(okJson(fixture("search/response-companies.json"))));

    SearchResponse page = call(api.search(version.objectsPath(), "companies", SearchRequest.firstPage(
        List.of(FilterGroup.of(Filter.in("domain", List.of("acme.example", "globex.example")))),
        List.of("domain", "name", "hubspot_owner_id", "createdate"), 100)));

    verifyPost(objects + "/companies/search", "search/request-companies-by-domain.json");
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.results()).extracting(r -> r.property("domain").orElseThrow())
        .containsExactly("acme.example", "globex.example");
    assertThat(page.results().get(1).property("hubspot_owner_id")).isEmpty();
    assertThat(page.nextAfter()).contains("2");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(HubSpotStubs.VERSIONS)
  void batchReadFindsTasksByTheirUniqueKeyAndNamesTheMissingOnes(HubSpotApiVersion version, String objects) {
    stubFor(post(urlPathEqualTo(objects + "/tasks/batch/read"))
        .willReturn(okJson(fixture("tasks/response-batch-read-one-found.json")).withStatus(207)));
    String found = "5d41402abc4b2a76b9719d911017c592ae3f0b1e7a4c59c2e5d4a01f8a3b1c01";
    String missing = "7c222fb2927d828af22f592134e8932480637c0d2c4f8e3b8b0e5e0b2a71d402";

    BatchResponse batch = call(api.batchRead(version.objectsPath(), "tasks",
        BatchReadRequest.byProperty("pql_task_key", List.of(found, missing), List.of("pql_task_key"))));

    verifyPost(objects + "/tasks/batch/read", "tasks/request-batch-read-by-key.json");
    assertThat(batch.results()).singleElement().satisfies(task -> {
      assertThat(task.id()).isEqualTo("77001");
      assertThat(task.property("pql_task_key")).contains(found);
    });
    assertThat(HubSpotInputErrors.of(batch, List.of(found, missing))).singleElement()
        .satisfies(e -> assertThat(e.input()).isEqualTo(missing));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(HubSpotStubs.VERSIONS)
  void batchUpdateWritesByRecordIdWithTraceIds(HubSpotApiVersion version, String objects) {
    stubFor(post(urlPathEqualTo(objects + "/companies/batch/update"))
        .willReturn(okJson(fixture("batch-update/response-complete.json"))));

    BatchResponse batch = call(api.batchUpdate(version.objectsPath(), "companies", new BatchUpdateRequest(List.of(
        ObjectBatchInput.byId("9001", "account:acme.example", Map.of("pql_status", "pql", "pql_score", "87",
            "pql_reasons", "Sent 2,400 messages (≥ 2,000)\nActivated 80 %")),
        ObjectBatchInput.byId("9002", "account:globex.example",
            Map.of("pql_status", "cold", "pql_score", "10", "pql_reasons", ""))))));

    verifyPost(objects + "/companies/batch/update", "batch-update/request-companies-by-id.json");
    assertThat(batch.hasErrors()).isFalse();
    assertThat(batch.results()).extracting(ObjectResponse::objectWriteTraceId, ObjectResponse::id)
        .containsExactly(tuple("account:globex.example", "9002"),
            tuple("account:acme.example", "9001"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(HubSpotStubs.VERSIONS)
  void batchUpsertByEmailTellsCreatedFromUpdated(HubSpotApiVersion version, String objects) {
    stubFor(post(urlPathEqualTo(objects + "/contacts/batch/upsert"))
        .willReturn(okJson(fixture("batch-upsert/response-complete.json"))));

    BatchResponse batch = call(api.batchUpsert(version.objectsPath(), "contacts", upsertOfThreeContacts()));

    verifyPost(objects + "/contacts/batch/upsert", "batch-upsert/request-contacts-by-email.json");
    assertThat(batch.results()).extracting(ObjectResponse::id, ObjectResponse::created)
        .containsExactly(tuple("512", false),
            tuple("601", true), tuple("602", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(HubSpotStubs.VERSIONS)
  void batchCreateSendsAssociationsAndTraceIds(HubSpotApiVersion version, String objects) {
    stubFor(post(urlPathEqualTo(objects + "/companies/batch/create")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(fixture("batch-create/response-created.json"))));

    BatchResponse batch = call(api.batchCreate(version.objectsPath(), "companies", new BatchCreateRequest(List.of(
        new ObjectCreateInput(Map.of("domain", "initech.example", "name", "initech.example", "pql_status", "pql",
            "pql_score", "72"), List.of(), "account:initech.example"),
        new ObjectCreateInput(Map.of("domain", "umbrella.example", "name", "umbrella.example", "pql_status", "warm",
            "pql_score", "50"), List.of(AssociationInput.to("512", AssociationSpec.CONTACT_TO_COMPANY)),
            "account:umbrella.example")))));

    verifyPost(objects + "/companies/batch/create", "batch-create/request-companies.json");
    assertThat(batch.results()).extracting(ObjectResponse::objectWriteTraceId)
        .containsExactly("account:initech.example", "account:umbrella.example");
  }

  static BatchUpsertRequest upsertOfThreeContacts() {
    return new BatchUpsertRequest(List.of(
        ObjectBatchInput.byProperty("email", "ana@example.com", "user:ana@example.com",
            Map.of("pql_status", "pql", "pql_score", "87", "pql_qualified_at", "2026-10-01T09:00:00Z")),
        ObjectBatchInput.byProperty("email", "ben@example.com", "user:ben@example.com",
            Map.of("pql_status", "warm", "pql_score", "45")),
        ObjectBatchInput.byProperty("email", "cleo@example.com", "user:cleo@example.com",
            Map.of("pql_status", "hot", "pql_score", "99"))));
  }
}
