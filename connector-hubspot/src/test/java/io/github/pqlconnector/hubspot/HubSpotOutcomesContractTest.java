package io.github.pqlconnector.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.Outcome;
import io.github.pqlconnector.core.spi.OutcomeBatch;
import io.github.pqlconnector.core.spi.OutcomeReader;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Reading conversions back: closed-won deals with their companies and contacts, and lifecycle-stage customers. */
@WireMockTest
class HubSpotOutcomesContractTest {
  private static final String DEALS = "/crm/v3/objects/deals/search";
  private static final String DEAL_COMPANIES = "/crm/v4/associations/deals/companies/batch/read";
  private static final String DEAL_CONTACTS = "/crm/v4/associations/deals/contacts/batch/read";
  /** 2026-10-01T00:00:00Z, the first read's start. */
  private static final Instant FIRST_READ_FROM = Instant.ofEpochMilli(1790812800000L);
  private static final HubSpotOutcomesConfig DEALS_ONLY = new HubSpotOutcomesConfig(null, null, null);

  @Test
  void aFirstReadCountsEachWonDealForItsCompaniesAndContactsAndRejectsOneWithoutACloseDate(
      WireMockRuntimeInfo wireMock) {
    stubWonDeals();

    OutcomeBatch batch = reader(wireMock, DEALS_ONLY).read(null, FIRST_READ_FROM);

    Instant closed8812 = Instant.parse("2026-10-20T14:05:00Z");
    assertThat(batch.outcomes()).containsExactly(
        Outcome.ofRecord("deal 8812", EntityLevel.ACCOUNT, "9001", closed8812, 12000.0),
        Outcome.ofRecord("deal 8813", EntityLevel.ACCOUNT, "9002", Instant.parse("2026-10-21T09:30:00Z"), null),
        Outcome.ofRecord("deal 8812", EntityLevel.USER, "512", closed8812, 12000.0),
        Outcome.ofRecord("deal 8812", EntityLevel.USER, "513", closed8812, 12000.0));
    assertThat(batch.rejected()).isEqualTo(1);
    assertThat(batch.rejectedSamples()).containsExactly(
        "deal 8814: closed won but has no closedate to date the conversion by");
    assertThat(batch.cursor()).isEqualTo("deals=1792652400000");
    verify(postRequestedFor(urlEqualTo(DEALS)).withRequestBody(equalToJson("""
        {"filterGroups":[{"filters":[{"propertyName":"hs_is_closed_won","operator":"EQ","value":"true"},
          {"propertyName":"hs_lastmodifieddate","operator":"GTE","value":"1790812800000"}]}],
         "properties":["closedate","amount","pipeline","hs_lastmodifieddate"],
         "sorts":[{"propertyName":"hs_lastmodifieddate","direction":"ASCENDING"}],"limit":200}""")));
    verify(postRequestedFor(urlEqualTo(DEAL_COMPANIES)).withRequestBody(equalToJson("""
        {"inputs":[{"id":"8812"},{"id":"8813"}]}""")));
    verify(postRequestedFor(urlEqualTo(DEAL_CONTACTS)).withRequestBody(equalToJson("""
        {"inputs":[{"id":"8812"},{"id":"8813"}]}""")));
  }

  @Test
  void aLaterReadStartsTwoMinutesBeforeTheCursorAndKeepsItWhenNothingChanged(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(DEALS)).willReturn(json(200, fixture("search/response-empty.json"))));

    OutcomeBatch batch = reader(wireMock, DEALS_ONLY).read("deals=1792652400000", FIRST_READ_FROM);

    assertThat(batch.outcomes()).isEmpty();
    assertThat(batch.cursor()).isEqualTo("deals=1792652400000");
    verify(postRequestedFor(urlEqualTo(DEALS)).withRequestBody(matchingJsonPath(
        "$.filterGroups[0].filters[1].value", equalTo("1792652280000"))));
    verify(0, postRequestedFor(urlEqualTo(DEAL_COMPANIES)));
  }

  @Test
  void searchPagesAreFollowedToTheEnd(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(DEALS)).withRequestBody(notContaining("\"after\""))
        .willReturn(json(200, page(deal("8812", "2026-10-20T14:06:12.345Z"), "200"))));
    stubFor(post(urlEqualTo(DEALS)).withRequestBody(containing("\"after\":\"200\""))
        .willReturn(json(200, page(deal("8813", "2026-10-21T09:31:00Z"), null))));
    stubAssociations(DEAL_COMPANIES, "{\"from\":{\"id\":\"8812\"},\"to\":[{\"toObjectId\":9001}]},"
        + "{\"from\":{\"id\":\"8813\"},\"to\":[{\"toObjectId\":9002}]}");
    stubAssociations(DEAL_CONTACTS, "");

    OutcomeBatch batch = reader(wireMock, DEALS_ONLY).read(null, FIRST_READ_FROM);

    assertThat(batch.outcomes()).extracting(Outcome::source, Outcome::recordId)
        .containsExactly(tuple("deal 8812", "9001"),
            tuple("deal 8813", "9002"));
    verify(2, postRequestedFor(urlEqualTo(DEALS)));
  }

  @Test
  void aQueryAboutToPassTheTenThousandCapStartsAgainFromTheLastModificationSeen(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(DEALS)).withRequestBody(containing("\"value\":\"1790812800000\""))
        .willReturn(json(200, page(deal("8812", "2026-10-20T14:06:12.345Z"), "10000"))));
    stubFor(post(urlEqualTo(DEALS)).withRequestBody(containing("\"value\":\"1792505172345\""))
        .willReturn(json(200, page(deal("8812", "2026-10-20T14:06:12.345Z") + ","
            + deal("8813", "2026-10-21T09:31:00Z"), null))));
    stubAssociations(DEAL_COMPANIES, "{\"from\":{\"id\":\"8812\"},\"to\":[{\"toObjectId\":9001}]},"
        + "{\"from\":{\"id\":\"8813\"},\"to\":[{\"toObjectId\":9002}]}");
    stubAssociations(DEAL_CONTACTS, "");

    OutcomeBatch batch = reader(wireMock, DEALS_ONLY).read(null, FIRST_READ_FROM);

    assertThat(batch.outcomes()).extracting(Outcome::source).containsExactly("deal 8812", "deal 8813");
    verify(2, postRequestedFor(urlEqualTo(DEALS)));
    verify(0, postRequestedFor(urlEqualTo(DEALS)).withRequestBody(containing("\"after\"")));
    assertThat(batch.cursor()).isEqualTo("deals=1792575060000");
  }

  @Test
  void moreThanTenThousandDealsModifiedInOneMillisecondAreCountedAsNotRead(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(DEALS)).withRequestBody(containing("\"value\":\"1790812800000\""))
        .willReturn(json(200, page(deal("8812", "2026-10-01T00:00:00Z"), "10000"))));
    stubFor(post(urlEqualTo(DEALS)).withRequestBody(containing("\"value\":\"1790812800001\""))
        .willReturn(json(200, fixture("search/response-empty.json"))));
    stubAssociations(DEAL_COMPANIES, "{\"from\":{\"id\":\"8812\"},\"to\":[{\"toObjectId\":9001}]}");
    stubAssociations(DEAL_CONTACTS, "");

    OutcomeBatch batch = reader(wireMock, DEALS_ONLY).read(null, FIRST_READ_FROM);

    assertThat(batch.outcomes()).extracting(Outcome::source).containsExactly("deal 8812");
    assertThat(batch.rejected()).isEqualTo(1);
    assertThat(batch.rejectedSamples()).singleElement().asString()
        .startsWith("deals modified at 2026-10-01T00:00:00Z: more than 10000 records modified at this instant");
    assertThat(batch.cursor()).isEqualTo("deals=1790812800001");
  }

  @Test
  void aDealWithMoreContactsThanOnePageIsAskedAgainWithItsCursor(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(DEALS)).willReturn(json(200, page(deal("8812", "2026-10-20T14:06:12.345Z"), null))));
    stubAssociations(DEAL_COMPANIES, "");
    stubFor(post(urlEqualTo(DEAL_CONTACTS)).withRequestBody(notContaining("\"after\""))
        .willReturn(json(200, associations("{\"from\":{\"id\":\"8812\"},\"to\":[{\"toObjectId\":512}],"
            + "\"paging\":{\"next\":{\"after\":\"MTAtNi0xODQ3MjAxMzg5\",\"link\":null}}}"))));
    stubFor(post(urlEqualTo(DEAL_CONTACTS)).withRequestBody(equalToJson("""
        {"inputs":[{"id":"8812","after":"MTAtNi0xODQ3MjAxMzg5"}]}"""))
        .willReturn(json(200, associations("{\"from\":{\"id\":\"8812\"},\"to\":[{\"toObjectId\":513}]}"))));

    OutcomeBatch batch = reader(wireMock, DEALS_ONLY).read(null, FIRST_READ_FROM);

    assertThat(batch.outcomes()).extracting(Outcome::recordId).containsExactly("512", "513");
    verify(2, postRequestedFor(urlEqualTo(DEAL_CONTACTS)));
  }

  @Test
  void aRateLimitedSearchIsRetriedAfterRetryAfter(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(DEALS)).inScenario("429").whenScenarioStateIs(STARTED)
        .willReturn(json(429, fixture("errors/429-ten-secondly.json")).withHeader("Retry-After", "1"))
        .willSetStateTo("retried"));
    stubFor(post(urlEqualTo(DEALS)).inScenario("429").whenScenarioStateIs("retried")
        .willReturn(json(200, fixture("search/response-empty.json"))));

    OutcomeBatch batch = reader(wireMock, DEALS_ONLY).read(null, FIRST_READ_FROM);

    assertThat(batch.outcomes()).isEmpty();
    verify(2, postRequestedFor(urlEqualTo(DEALS)));
  }

  @Test
  void aServerErrorOnAssociationsIsRetried(WireMockRuntimeInfo wireMock) {
    stubWonDeals();
    stubFor(post(urlEqualTo(DEAL_COMPANIES)).inScenario("503").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
            .withBody(fixture("errors/502-bad-gateway.html")))
        .willSetStateTo("recovered"));
    stubFor(post(urlEqualTo(DEAL_COMPANIES)).inScenario("503").whenScenarioStateIs("recovered")
        .willReturn(json(200, fixture("outcomes/response-deal-companies.json"))));

    OutcomeBatch batch = reader(wireMock, DEALS_ONLY).read(null, FIRST_READ_FROM);

    assertThat(batch.outcomes()).hasSize(4);
    verify(2, postRequestedFor(urlEqualTo(DEAL_COMPANIES)));
  }

  @Test
  void aRefusedTokenOrAMissingScopeFailsTheRead(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(DEALS)).willReturn(json(401, fixture("errors/401-invalid-authentication.json"))));
    assertThatThrownBy(() -> reader(wireMock, DEALS_ONLY).read(null, FIRST_READ_FROM))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH));

    stubFor(post(urlEqualTo(DEALS)).willReturn(json(403, fixture("errors/403-missing-scopes.json"))));
    assertThatThrownBy(() -> reader(wireMock, DEALS_ONLY).read(null, FIRST_READ_FROM))
        .isInstanceOfSatisfying(VendorException.class,
            e -> assertThat(e.category()).isEqualTo(ErrorCategory.PERMISSION));
  }

  @Test
  void configuredPipelinesFilterTheSearch(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(DEALS)).willReturn(json(200, fixture("search/response-empty.json"))));

    reader(wireMock, new HubSpotOutcomesConfig(true, List.of("default", "7755"), false)).read(null, FIRST_READ_FROM);

    verify(postRequestedFor(urlEqualTo(DEALS)).withRequestBody(equalToJson("""
        {"filterGroups":[{"filters":[{"propertyName":"hs_is_closed_won","operator":"EQ","value":"true"},
          {"propertyName":"pipeline","operator":"IN","values":["default","7755"]},
          {"propertyName":"hs_lastmodifieddate","operator":"GTE","value":"1790812800000"}]}],
         "properties":["closedate","amount","pipeline","hs_lastmodifieddate"],
         "sorts":[{"propertyName":"hs_lastmodifieddate","direction":"ASCENDING"}],"limit":200}""")));
  }

  @Test
  void lifecycleCustomersCountWhenTheyBecameOne(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo("/crm/v3/objects/companies/search"))
        .willReturn(json(200, fixture("outcomes/response-customers-companies.json"))));
    stubFor(post(urlEqualTo("/crm/v3/objects/contacts/search"))
        .willReturn(json(200, fixture("outcomes/response-customers-contacts.json"))));

    OutcomeBatch batch = reader(wireMock, new HubSpotOutcomesConfig(false, null, true))
        .read("companies=1792505220000", FIRST_READ_FROM);

    assertThat(batch.outcomes()).containsExactly(
        Outcome.ofRecord("lifecycle company 9001", EntityLevel.ACCOUNT, "9001", Instant.parse("2026-10-20T14:05:00Z"),
            null),
        Outcome.ofRecord("lifecycle contact 512", EntityLevel.USER, "512", Instant.parse("2026-10-19T16:00:00Z"),
            null));
    assertThat(batch.rejectedSamples()).containsExactly(
        "lifecycle contact 514: a customer without hs_lifecyclestage_customer_date");
    assertThat(batch.cursor()).isEqualTo("companies=1792505220000;contacts=1792483200000");
    verify(postRequestedFor(urlEqualTo("/crm/v3/objects/companies/search")).withRequestBody(equalToJson("""
        {"filterGroups":[{"filters":[{"propertyName":"lifecyclestage","operator":"EQ","value":"customer"},
          {"propertyName":"hs_lastmodifieddate","operator":"GTE","value":"1792505100000"}]}],
         "properties":["hs_lifecyclestage_customer_date","hs_lastmodifieddate"],
         "sorts":[{"propertyName":"hs_lastmodifieddate","direction":"ASCENDING"}],"limit":200}""")));
    verify(postRequestedFor(urlEqualTo("/crm/v3/objects/contacts/search")).withRequestBody(equalToJson("""
        {"filterGroups":[{"filters":[{"propertyName":"lifecyclestage","operator":"EQ","value":"customer"},
          {"propertyName":"lastmodifieddate","operator":"GTE","value":"1790812800000"}]}],
         "properties":["hs_lifecyclestage_customer_date","lastmodifieddate"],
         "sorts":[{"propertyName":"lastmodifieddate","direction":"ASCENDING"}],"limit":200}""")));
    verify(0, postRequestedFor(urlEqualTo(DEALS)));
  }

  @Test
  void aDatedApiVersionReadsOnItsOwnPaths(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo("/crm/objects/2026-09/deals/search"))
        .willReturn(json(200, page(deal("8812", "2026-10-20T14:06:12.345Z"), null))));
    stubFor(post(urlEqualTo("/crm/associations/2026-09/deals/companies/batch/read"))
        .willReturn(json(200, associations("{\"from\":{\"id\":\"8812\"},\"to\":[{\"toObjectId\":9001}]}"))));
    stubFor(post(urlEqualTo("/crm/associations/2026-09/deals/contacts/batch/read"))
        .willReturn(json(200, associations(""))));

    OutcomeBatch batch = reader(wireMock, "2026-09", DEALS_ONLY).read(null, FIRST_READ_FROM);

    assertThat(batch.outcomes()).extracting(Outcome::recordId).containsExactly("9001");
  }

  @Test
  void withoutAnOutcomesBlockNothingIsRead(WireMockRuntimeInfo wireMock) {
    assertThat(HubSpotDestinations.destination(wireMock).outcomes()).isEmpty();
  }

  private static OutcomeReader reader(WireMockRuntimeInfo wireMock, HubSpotOutcomesConfig outcomes) {
    return reader(wireMock, null, outcomes);
  }

  private static OutcomeReader reader(WireMockRuntimeInfo wireMock, @Nullable String apiVersion,
      HubSpotOutcomesConfig outcomes) {
    HubSpotConfig base = HubSpotDestinations.config(wireMock, false, null);
    return HubSpotDestinations.destination(new HubSpotConfig(base.token(), base.baseUrl(), apiVersion, null, null,
        false, null, null, null, outcomes)).outcomes().orElseThrow();
  }

  private static void stubWonDeals() {
    stubFor(post(urlEqualTo(DEALS)).willReturn(json(200, fixture("outcomes/response-deals-won.json"))));
    stubFor(post(urlEqualTo(DEAL_COMPANIES)).willReturn(json(200, fixture("outcomes/response-deal-companies.json"))));
    stubFor(post(urlEqualTo(DEAL_CONTACTS)).willReturn(json(207, fixture("outcomes/response-deal-contacts-207.json"))));
  }

  private static void stubAssociations(String path, String results) {
    stubFor(post(urlEqualTo(path)).willReturn(json(200, associations(results))));
  }

  private static String associations(String results) {
    return "{\"status\":\"COMPLETE\",\"results\":[" + results + "],\"startedAt\":\"2026-10-22T08:00:00.101Z\","
        + "\"completedAt\":\"2026-10-22T08:00:00.164Z\"}";
  }

  /** A won deal as search returns it, closed a minute before it was last modified. */
  private static String deal(String id, String modified) {
    String closed = Instant.parse(modified).minusSeconds(60).toString();
    return """
        {"id":"%s","properties":{"amount":"5000","closedate":"%s","hs_lastmodifieddate":"%s","hs_object_id":"%s",
         "pipeline":"default"},"createdAt":"2026-09-01T08:00:00Z","updatedAt":"%s","archived":false}"""
        .formatted(id, closed, modified, id, modified);
  }

  private static String page(String results, @Nullable String after) {
    String paging = after == null ? "" : ",\"paging\":{\"next\":{\"after\":\"" + after + "\",\"link\":null}}";
    return "{\"total\":2,\"results\":[" + results + "]" + paging + "}";
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=utf-8").withBody(body);
  }
}
