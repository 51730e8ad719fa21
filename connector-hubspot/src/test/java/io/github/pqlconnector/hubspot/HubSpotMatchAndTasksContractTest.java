package io.github.pqlconnector.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.pqlconnector.hubspot.HubSpotDestinations.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.core.spi.TaskRequest;
import io.github.pqlconnector.core.spi.TaskResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching contacts by email and companies by domain or a unique property, and creating each follow-up task once. */
@WireMockTest
class HubSpotMatchAndTasksContractTest {
  private static final String KEY = "product-to-hubspot:account:acme.example:2026-10-01";

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
  void theSameTaskKeyTwiceCreatesOneTask(WireMockRuntimeInfo wireMock) {
    String search = "/crm/v3/objects/tasks/search";
    stubFor(post(urlEqualTo(search)).inScenario("task").whenScenarioStateIs(STARTED)
        .willReturn(json(200, fixture("search/response-empty.json"))));
    stubFor(post(urlEqualTo("/crm/v3/objects/tasks")).inScenario("task").willSetStateTo("created")
        .willReturn(json(201, fixture("tasks/response-created.json"))));
    stubFor(post(urlEqualTo(search)).inScenario("task").whenScenarioStateIs("created")
        .willReturn(json(200, fixture("search/response-task-found.json"))));
    HubSpotDestination destination = HubSpotDestinations.destination(wireMock);
    TaskRequest request = new TaskRequest(KEY, EntityRef.account("acme.example"), "9001", "64492917",
        "PQL: Acme", "Score 87", Instant.parse("2026-10-02T09:00:00Z"));

    TaskResult first = destination.createTask(request);
    TaskResult second = destination.createTask(request);

    assertThat(first).isEqualTo(new TaskResult("77001", false));
    assertThat(second).isEqualTo(new TaskResult("77001", true));
    verify(1, postRequestedFor(urlEqualTo("/crm/v3/objects/tasks")).withRequestBody(equalToJson("""
        {"properties":{"hs_timestamp":"2026-10-02T09:00:00Z","hs_task_subject":"PQL: Acme",
          "hs_task_body":"Score 87","hs_task_status":"NOT_STARTED","hs_task_priority":"HIGH",
          "hubspot_owner_id":"64492917","pql_task_key":"%s"},
         "associations":[{"to":{"id":"9001"},"types":[{"associationCategory":"HUBSPOT_DEFINED",
          "associationTypeId":192}]}]}""".formatted(KEY))));
    verify(2, postRequestedFor(urlEqualTo(search)).withRequestBody(equalToJson("""
        {"filterGroups":[{"filters":[{"propertyName":"pql_task_key","operator":"EQ","value":"%s"}]}],
         "properties":["pql_task_key","hs_task_status"],"sorts":[],"limit":1}""".formatted(KEY))));
  }

  @Test
  void aConflictOnTheUniqueKeyFindsTheTaskAnEarlierAttemptCreated(WireMockRuntimeInfo wireMock) {
    String search = "/crm/v3/objects/tasks/search";
    stubFor(post(urlEqualTo(search)).inScenario("race").whenScenarioStateIs(STARTED)
        .willReturn(json(200, fixture("search/response-empty.json"))));
    stubFor(post(urlEqualTo("/crm/v3/objects/tasks")).inScenario("race").willSetStateTo("indexed")
        .willReturn(json(409, fixture("errors/409-conflict.json"))));
    stubFor(post(urlEqualTo(search)).inScenario("race").whenScenarioStateIs("indexed")
        .willReturn(json(200, fixture("search/response-task-found.json"))));

    TaskResult result = HubSpotDestinations.destination(wireMock).createTask(new TaskRequest(KEY,
        EntityRef.user("ana@example.com"), "512", null, "PQL: Ana", "Score 87", Instant.parse("2026-10-02T09:00:00Z")));

    assertThat(result).isEqualTo(new TaskResult("77001", true));
    verify(1, postRequestedFor(urlEqualTo("/crm/v3/objects/tasks")));
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }
}
