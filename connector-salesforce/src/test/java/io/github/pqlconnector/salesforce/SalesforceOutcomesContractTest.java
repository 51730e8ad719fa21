package io.github.pqlconnector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.salesforce.SalesforceStubs.ACCESS_ONE;
import static io.github.pqlconnector.salesforce.SalesforceStubs.DATA;
import static io.github.pqlconnector.salesforce.SalesforceStubs.TOKEN_PATH;
import static io.github.pqlconnector.salesforce.SalesforceStubs.fixture;
import static io.github.pqlconnector.salesforce.SalesforceStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.Outcome;
import io.github.pqlconnector.core.spi.OutcomeBatch;
import io.github.pqlconnector.core.spi.OutcomeReader;
import io.github.pqlconnector.salesforce.api.LimitInfo;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading who converted: won Opportunities (for their Account and their contact roles' Contacts) and converted Leads
 * (for the Lead, its Contact and its Account), with SOQL from the cursor less the lookback, every page followed.
 */
@WireMockTest
class SalesforceOutcomesContractTest {
  private static final String QUERY = DATA + "/query";
  private static final String WON_PAGE_2 = QUERY + "/01gxx0000003kPqAAI-2000";
  private static final Instant FIRST_READ_FROM = Instant.parse("2026-11-01T00:00:00Z");
  private static final String ACME_DEAL = "opportunity 006xx000004Wz1AAAS";
  private static final String NO_ACCOUNT_DEAL = "opportunity 006xx000004Wz2AAAS";
  private static final String GLOBEX_DEAL = "opportunity 006xx000004Wz4AAAS";
  private static final String LEAD = "lead 00Qxx000001abcDEAQ";
  private static final Instant NOV_2 = Instant.parse("2026-11-02T00:00:00Z");
  private static final Instant NOV_3 = Instant.parse("2026-11-03T00:00:00Z");

  @BeforeEach
  void token() {
    SalesforceStubs.tokenEndpoint("token-client-credentials.json");   // tests of a renewal stub newer grants
  }

  @Test
  void theFirstReadGoesBackToFirstReadFromAndJoinsEveryPageToItsContactRoles(WireMockRuntimeInfo wm) {
    stubWonAndRoles();
    query("FROM Lead", "query/empty.json");

    OutcomeBatch batch = read(wm, null);

    assertThat(batch.outcomes()).containsExactly(
        Outcome.ofRecord(ACME_DEAL, EntityLevel.ACCOUNT, "001xx000003DGb2AAG", NOV_2, 24000.0),
        Outcome.ofRecord(ACME_DEAL, EntityLevel.USER, "003xx000004TmiQAAS", NOV_2, 24000.0),
        Outcome.ofRecord(ACME_DEAL, EntityLevel.USER, "003xx000004TmiRAAS", NOV_2, 24000.0),
        Outcome.ofRecord(NO_ACCOUNT_DEAL, EntityLevel.USER, "003xx000004TmiSAAS", NOV_3, null),
        Outcome.ofRecord(GLOBEX_DEAL, EntityLevel.ACCOUNT, "001xx000003DGb3AAG", NOV_3, 9800.5));
    assertThat(batch.cursor()).isEqualTo("opportunities=2026-11-03T10:15:30Z;leads=2026-11-01T00:00:00Z");
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing("SELECT Id, AccountId, Amount,"
        + " CloseDate, SystemModstamp FROM Opportunity WHERE IsWon = true AND SystemModstamp >= 2026-10-31T23:58:00Z"
        + " ORDER BY SystemModstamp")));
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing("SELECT OpportunityId, ContactId"
        + " FROM OpportunityContactRole WHERE OpportunityId IN ('006xx000004Wz1AAAS','006xx000004Wz2AAAS')")));
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing(
        "FROM OpportunityContactRole WHERE OpportunityId IN ('006xx000004Wz4AAAS')")));
    verify(getRequestedFor(urlPathEqualTo(WON_PAGE_2)));
  }

  @Test
  void aWonOpportunityWithoutACloseDateIsRejectedAndTheCursorStillMovesPastIt(WireMockRuntimeInfo wm) {
    stubWonAndRoles();
    query("FROM Lead", "query/empty.json");

    OutcomeBatch batch = read(wm, null);

    assertThat(batch.rejected()).isEqualTo(1);
    assertThat(batch.rejectedSamples()).containsExactly("opportunity 006xx000004Wz3AAAS: no CloseDate");
    assertThat(batch.outcomes()).noneMatch(o -> o.recordId().equals("001xx000003DGb4AAG"));
    assertThat(batch.cursor()).startsWith("opportunities=2026-11-03T10:15:30Z;");
  }

  @Test
  void aConvertedLeadCountsForTheLeadItsContactAndItsAccount(WireMockRuntimeInfo wm) {
    query("FROM Opportunity WHERE", "query/empty.json");
    query("FROM Lead", "outcomes/converted-leads.json");

    OutcomeBatch batch = read(wm, null);

    Instant nov1 = Instant.parse("2026-11-01T00:00:00Z");
    assertThat(batch.outcomes()).containsExactly(
        Outcome.ofRecord(LEAD, EntityLevel.USER, "00Qxx000001abcDEAQ", nov1, null),
        Outcome.ofRecord(LEAD, EntityLevel.USER, "003xx000004TmiZAAS", nov1, null),
        Outcome.ofRecord(LEAD, EntityLevel.ACCOUNT, "001xx000003DGb9AAG", nov1, null));
    assertThat(batch.cursor()).isEqualTo("opportunities=2026-11-01T00:00:00Z;leads=2026-11-01T14:22:05Z");
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing("SELECT Id, ConvertedDate,"
        + " ConvertedContactId, ConvertedAccountId, SystemModstamp FROM Lead WHERE IsConverted = true AND"
        + " SystemModstamp >= 2026-10-31T23:58:00Z ORDER BY SystemModstamp")));
  }

  @Test
  void theNextReadStartsFromEachCursorLessTheLookbackAndKeepsItWhenNothingChanged(WireMockRuntimeInfo wm) {
    query("FROM Opportunity WHERE", "query/empty.json");
    query("FROM Lead", "query/empty.json");
    String cursor = "opportunities=2026-11-03T10:15:30Z;leads=2026-11-02T08:00:00Z";

    OutcomeBatch batch = read(wm, cursor);

    assertThat(batch.outcomes()).isEmpty();
    assertThat(batch.cursor()).isEqualTo(cursor);
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing(
        "FROM Opportunity WHERE IsWon = true AND SystemModstamp >= 2026-11-03T10:13:30Z ORDER BY")));
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing(
        "FROM Lead WHERE IsConverted = true AND SystemModstamp >= 2026-11-02T07:58:00Z ORDER BY")));
  }

  @Test
  void contactRolesAreAskedFor200OpportunitiesAtATime(WireMockRuntimeInfo wm) {
    StringBuilder records = new StringBuilder();
    for (int i = 0; i < 201; i++) {
      String id = "006xx000000%04dAAS".formatted(i);
      records.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Opportunity\"},\"Id\":\"").append(id)
          .append("\",\"AccountId\":null,\"Amount\":null,\"CloseDate\":\"2026-11-02\",")
          .append("\"SystemModstamp\":\"2026-11-02T16:40:12.000+0000\"}");
    }
    stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM Opportunity WHERE")).willReturn(json(200,
        "{\"totalSize\":201,\"done\":true,\"records\":[" + records + "]}")));
    query("FROM OpportunityContactRole", "query/empty.json");
    query("FROM Lead", "query/empty.json");

    read(wm, null);

    verify(2, getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM OpportunityContactRole")));
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing(
        "'006xx0000000198AAS','006xx0000000199AAS')")));
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing(
        "OpportunityId IN ('006xx0000000200AAS')")));
  }

  @Test
  void onlyTheConfiguredKindsAreRead(WireMockRuntimeInfo wm) {
    query("FROM Lead", "outcomes/converted-leads.json");
    SalesforceConfig config = new ConfigBuilder(wm).outcomes(new SalesforceConfig.Outcomes(false, null)).build();

    OutcomeBatch batch = reader(config).read(null, FIRST_READ_FROM);

    assertThat(batch.outcomes()).hasSize(3);
    verify(0, getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM Opportunity WHERE")));
  }

  @Test
  void aServerErrorIsRetriedAndTheReadThenSucceeds(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM Opportunity WHERE")).inScenario("flaky")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up")
        .willReturn(aResponse().withStatus(503).withBody(fixture("errors/503-unavailable.html"))));
    stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM Opportunity WHERE")).inScenario("flaky")
        .whenScenarioStateIs("up").willReturn(json(200, fixture("query/empty.json"))));
    query("FROM Lead", "outcomes/converted-leads.json");

    assertThat(read(wm, null).outcomes()).hasSize(3);
    verify(2, getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM Opportunity WHERE")));
  }

  @Test
  void theDailyLimitSpentFailsTheReadAsQuotaExhaustedWithoutRetrying(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(403, fixture("errors/403-request-limit-exceeded.json"))
        .withHeader(LimitInfo.HEADER, "api-usage=100000/100000")));

    assertThatThrownBy(() -> read(wm, null)).isInstanceOfSatisfying(VendorException.class, e -> {
      assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED);
      assertThat(e.getMessage()).contains("REQUEST_LIMIT_EXCEEDED");
    });
    verify(1, getRequestedFor(urlPathEqualTo(QUERY)));
  }

  @Test
  void anExpiredSessionIsRenewedOnceAndTheReadGoesOn(WireMockRuntimeInfo wm) {
    secondGrantGivesANewToken();
    query("FROM Opportunity WHERE", "query/empty.json");
    query("FROM Lead", "outcomes/converted-leads.json");
    stubFor(get(urlPathEqualTo(QUERY)).withHeader("Authorization", equalTo("Bearer " + ACCESS_ONE))
        .willReturn(json(401, fixture("errors/401-invalid-session.json"))));   // the newest stub is tried first

    assertThat(read(wm, null).outcomes()).hasSize(3);
    verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void aSessionRefusedAgainAfterRenewalFailsTheReadAsAuth(WireMockRuntimeInfo wm) {
    secondGrantGivesANewToken();
    stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(401, fixture("errors/401-invalid-session.json"))));

    assertThatThrownBy(() -> read(wm, null)).isInstanceOfSatisfying(VendorException.class, e -> {
      assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
      assertThat(e.getMessage()).contains("INVALID_SESSION_ID");
    });
    verify(2, getRequestedFor(urlPathEqualTo(QUERY)));
  }

  @Test
  void withoutAnOutcomesBlockThereIsNoReader(WireMockRuntimeInfo wm) {
    try (SalesforceDestination salesforce = SalesforceStubs.destination(new ConfigBuilder(wm).build(),
        Clock.systemUTC())) {
      assertThat(salesforce.outcomes()).isEmpty();
    }
  }

  private static void secondGrantGivesANewToken() {
    SalesforceAuthContractTest.tokenInScenario("token-client-credentials.json", Scenario.STARTED, "one");
    SalesforceAuthContractTest.tokenInScenario("token-second.json", "one", "two");
  }

  private static void stubWonAndRoles() {
    query("FROM Opportunity WHERE", "outcomes/won-page-1.json");
    stubFor(get(urlPathEqualTo(WON_PAGE_2)).willReturn(json(200, fixture("outcomes/won-page-2.json"))));
    query("'006xx000004Wz1AAAS'", "outcomes/roles-page-1.json");
    query("'006xx000004Wz4AAAS'", "outcomes/roles-page-2.json");
  }

  private static void query(String soqlPart, String fixture) {
    stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing(soqlPart))
        .willReturn(json(200, fixture(fixture))));
  }

  private static OutcomeBatch read(WireMockRuntimeInfo wm, @Nullable String cursor) {
    SalesforceConfig config = new ConfigBuilder(wm).outcomes(new SalesforceConfig.Outcomes(null, null)).build();
    return reader(config).read(cursor, FIRST_READ_FROM);
  }

  private static OutcomeReader reader(SalesforceConfig config) {
    return SalesforceStubs.destination(config, Clock.systemUTC()).outcomes().orElseThrow();
  }
}
