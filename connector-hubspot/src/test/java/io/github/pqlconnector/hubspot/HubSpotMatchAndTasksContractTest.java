package io.github.pqlconnector.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.pqlconnector.hubspot.HubSpotDestinations.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.core.spi.TaskBatchResult;
import io.github.pqlconnector.core.spi.TaskRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Matching contacts by email and companies by domain or a unique property, and creating each follow-up task once. */
@WireMockTest
class HubSpotMatchAndTasksContractTest {
  private static final String K1 = "5d41402abc4b2a76b9719d911017c592ae3f0b1e7a4c59c2e5d4a01f8a3b1c01";
  private static final String K2 = "7c222fb2927d828af22f592134e8932480637c0d2c4f8e3b8b0e5e0b2a71d402";
  private static final Instant DUE = Instant.parse("2026-10-02T09:00:00Z");
  private static final TaskRequest ACME_TASK = new TaskRequest(K1, EntityRef.account("acme.example"), "9001",
      "64492917", "PQL: Acme — Sent 2,400 messages (≥ 2,000)", "Score 87\nSent 2,400 messages (≥ 2,000)\nActivated 80 %",
      DUE);
  private static final TaskRequest ANA_TASK = new TaskRequest(K2, EntityRef.user("ana@example.com"), "512",
      "99999999", "PQL: ana@example.com — Asked for sales", "Score 90\nAsked for sales", DUE);

  @Test
  void contactsAreMatchedByEmailWithTheirOwners(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo("/crm/v3/objects/contacts/batch/read"))
        .willReturn(json(200, fixture("batch-read/response-contacts.json"))));

    MatchResult result = HubSpotDestinations.destination(wireMock).match(EntityLevel.USER, List.of(
        new MatchKey("email", "ana@example.com"), new MatchKey("email", "BEN@example.com"),
        new MatchKey("email", "nobody@example.com")));

    assertThat(result.found()).containsOnlyKeys("ana@example.com", "BEN@example.com")
        .containsEntry("ana@example.com", new CrmRecord("512", "64492917"))
        .containsEntry("BEN@example.com", new CrmRecord("513", null));
    verify(1, postRequestedFor(urlEqualTo("/crm/v3/objects/contacts/batch/read")).withRequestBody(equalToJson("""
        {"idProperty":"email","inputs":[{"id":"ana@example.com"},{"id":"ben@example.com"},
         {"id":"nobody@example.com"}],"properties":["email","hubspot_owner_id"],"propertiesWithHistory":[]}""")));
  }

  @Test
  void companiesAreMatchedByDomainWithSearchFollowingPages(WireMockRuntimeInfo wireMock) {
    String search = "/crm/v3/objects/companies/search";
    stubFor(post(urlEqualTo(search)).withRequestBody(notContaining("\"after\""))
        .willReturn(json(200, fixture("search/response-companies.json"))));
    stubFor(post(urlEqualTo(search)).withRequestBody(containing("\"after\":\"2\""))
        .willReturn(json(200, fixture("search/response-empty.json"))));

    MatchResult result = HubSpotDestinations.destination(wireMock).match(EntityLevel.ACCOUNT, List.of(
        new MatchKey("domain", "Acme.example"), new MatchKey("domain", "globex.example")));

    assertThat(result.found()).containsEntry("Acme.example", new CrmRecord("9001", "64492917"))
        .containsEntry("globex.example", new CrmRecord("9002", null));
    verify(1, postRequestedFor(urlEqualTo(search)).withRequestBody(equalToJson("""
        {"filterGroups":[{"filters":[{"propertyName":"domain","operator":"IN",
          "values":["acme.example","globex.example"]}]}],
         "properties":["domain","hubspot_owner_id","createdate"],"sorts":[],"limit":100}""")));
    verify(2, postRequestedFor(urlEqualTo(search)));
  }

  @Test
  void companiesAreReadByAUniqueAccountPropertyWithoutSearch(WireMockRuntimeInfo wireMock) {
    stubFor(get(urlEqualTo("/crm/v3/properties/companies/pql_account_id"))
        .willReturn(json(200, fixture("properties/response-account-id-unique.json"))));
    stubFor(post(urlEqualTo("/crm/v3/objects/companies/batch/read"))
        .willReturn(json(207, fixture("batch-read/response-companies-by-account-id.json"))));
    HubSpotConfig config = HubSpotDestinations.config(wireMock, false, null);
    HubSpotDestination destination = HubSpotDestinations.destination(new HubSpotConfig(config.token(),
        config.baseUrl(), null, null, "pql_account_id", false, null, null, null));

    MatchResult first = destination.match(EntityLevel.ACCOUNT, List.of(
        new MatchKey("pql_account_id", "ACC-1001"), new MatchKey("pql_account_id", "ACC-1002")));
    destination.match(EntityLevel.ACCOUNT, List.of(new MatchKey("pql_account_id", "ACC-1001")));

    assertThat(first.found()).containsOnlyKeys("ACC-1001").containsEntry("ACC-1001", new CrmRecord("9001", "64492917"));
    verify(postRequestedFor(urlEqualTo("/crm/v3/objects/companies/batch/read")).withRequestBody(equalToJson("""
        {"idProperty":"pql_account_id","inputs":[{"id":"ACC-1001"},{"id":"ACC-1002"}],
         "properties":["pql_account_id","hubspot_owner_id"],"propertiesWithHistory":[]}""")));
    verify(1, getRequestedFor(urlEqualTo("/crm/v3/properties/companies/pql_account_id")));
    verify(0, postRequestedFor(urlEqualTo("/crm/v3/objects/companies/search")));
  }

  @Test
  void tasksAreFoundByTheirUniqueKeyInOneBatchRead(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo("/crm/v3/objects/tasks/batch/read"))
        .willReturn(json(207, fixture("tasks/response-batch-read-one-found.json"))));

    Map<String, String> found = HubSpotDestinations.destination(wireMock).findTasks(List.of(ACME_TASK, ANA_TASK));

    assertThat(found).containsExactly(Map.entry(K1, "77001"));
    verify(1, postRequestedFor(urlEqualTo("/crm/v3/objects/tasks/batch/read"))
        .withRequestBody(equalToJson(fixture("tasks/request-batch-read-by-key.json"))));
    verify(0, postRequestedFor(urlEqualTo("/crm/v3/objects/tasks/search")));
  }

  @Test
  void oneBatchCreateAssociatesEachTaskAndReportsTheRefusedOneAsData(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo("/crm/v3/objects/tasks/batch/create"))
        .willReturn(json(207, fixture("tasks/response-batch-create-partial.json"))));

    TaskBatchResult result = HubSpotDestinations.destination(wireMock).createTasks(List.of(ACME_TASK, ANA_TASK));

    assertThat(result.created()).containsExactly(Map.entry(K1, "77001"));
    assertThat(result.failed()).containsOnlyKeys(K2);
    assertThat(result.failed().get(K2).entity()).isEqualTo(ANA_TASK.entity());
    assertThat(result.failed().get(K2).vendorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(result.failed().get(K2).message()).contains("not a valid owner id");
    verify(1, postRequestedFor(urlEqualTo("/crm/v3/objects/tasks/batch/create"))
        .withRequestBody(equalToJson(fixture("tasks/request-batch-create.json"))));
  }

  @Test
  void aCreateWhoseConnectionIsResetIsNotSentAgainAndTheTasksAreFoundAfterwards(WireMockRuntimeInfo wireMock) {
    String read = "/crm/v3/objects/tasks/batch/read";
    String create = "/crm/v3/objects/tasks/batch/create";
    stubFor(post(urlEqualTo(read)).inScenario("lost").whenScenarioStateIs(STARTED)
        .willReturn(json(207, fixture("tasks/response-batch-read-one-found.json").replace(K1, "someone-else"))));
    stubFor(post(urlEqualTo(create)).inScenario("lost").willSetStateTo("applied")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    stubFor(post(urlEqualTo(read)).inScenario("lost").whenScenarioStateIs("applied")
        .willReturn(json(200, fixture("tasks/response-batch-read-found.json"))));
    HubSpotDestination destination = HubSpotDestinations.destination(wireMock);

    assertThat(destination.findTasks(List.of(ACME_TASK, ANA_TASK))).isEmpty();
    assertThatThrownBy(() -> destination.createTasks(List.of(ACME_TASK, ANA_TASK)))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(destination.findTasks(List.of(ACME_TASK, ANA_TASK)))
        .containsExactly(Map.entry(K1, "77001"), Map.entry(K2, "77002"));
    verify(1, postRequestedFor(urlEqualTo(create)));
  }

  @Test
  void anInputRefusedForItsExistingUniqueKeyIsTheTaskAnEarlierAttemptCreated(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo("/crm/v3/objects/tasks/batch/create")).willReturn(json(207,
        fixture("tasks/response-batch-create-partial.json").replace("VALIDATION_ERROR", "CONFLICT"))));
    stubFor(post(urlEqualTo("/crm/v3/objects/tasks/batch/read"))
        .willReturn(json(200, fixture("tasks/response-batch-read-found.json"))));

    TaskBatchResult result = HubSpotDestinations.destination(wireMock).createTasks(List.of(ACME_TASK, ANA_TASK));

    assertThat(result.created()).containsOnly(Map.entry(K1, "77001"), Map.entry(K2, "77002"));
    assertThat(result.failed()).isEmpty();
    verify(1, postRequestedFor(urlEqualTo("/crm/v3/objects/tasks/batch/create")));
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }
}
