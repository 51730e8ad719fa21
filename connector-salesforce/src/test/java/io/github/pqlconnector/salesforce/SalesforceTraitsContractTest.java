package io.github.pqlconnector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.salesforce.SalesforceStubs.DATA;
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
import io.github.pqlconnector.core.spi.CrmTraitFields;
import io.github.pqlconnector.core.spi.TraitReader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CRM fields as traits: SOQL {@code Id IN} per object, typed JSON values back as text under the trait names. */
@WireMockTest
class SalesforceTraitsContractTest {
  private static final String QUERY = DATA + "/query";
  private static final String ACME = "001xx000003DGb2AAG";
  private static final String GLOBEX = "001xx000003DGb3AAG";
  private static final String ANA = "003xx000004TmiQAAS";
  private static final String CLEO = "00Qxx000001abcDEAQ";
  private static final String GONE = "003xx000009ZZZZAAS";
  private static final CrmTraitFields TRAITS = new CrmTraitFields(
      Map.of("employees", "numberofemployees", "industry", "Industry", "revenue", "AnnualRevenue", "tier", "Tier__c"),
      Map.of("title", "Title", "optedOut", "HasOptedOutOfEmail", "seats", "Seats__c"), null);

  @BeforeEach
  void token() {
    SalesforceStubs.tokenEndpoint("token-client-credentials.json");
  }

  @Test
  void accountsGetTheirFieldsUnderTraitNamesEmptyOnesLeftOutAndAGoneIdAbsent(WireMockRuntimeInfo wm) {
    query("FROM Account", "query/accounts-traits-by-id.json");

    assertThat(read(wm, EntityLevel.ACCOUNT, List.of(ACME, GLOBEX, "001xx000003DGzzAAG"))).isEqualTo(Map.of(
        ACME, Map.of("employees", "120", "industry", "Software", "revenue", "12000000"),
        GLOBEX, Map.of("revenue", "2500000.5", "tier", "Gold")));
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing(
        "SELECT Id, AnnualRevenue, Industry, numberofemployees, Tier__c FROM Account WHERE Id IN ('" + ACME + "','"
            + GLOBEX + "','001xx000003DGzzAAG')")));
  }

  @Test
  void usersAreReadFromTheObjectTheirIdPrefixNames(WireMockRuntimeInfo wm) {
    query("FROM Contact", "query/contacts-traits-by-id.json");
    query("FROM Lead", "query/leads-traits-by-id.json");

    assertThat(read(wm, EntityLevel.USER, List.of(ANA, CLEO, GONE))).isEqualTo(Map.of(
        ANA, Map.of("title", "VP Engineering", "optedOut", "false", "seats", "25"),
        CLEO, Map.of("optedOut", "true")));
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing(
        "SELECT Id, HasOptedOutOfEmail, Seats__c, Title FROM Contact WHERE Id IN ('" + ANA + "','" + GONE + "')")));
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing(
        "FROM Lead WHERE IsConverted = false AND Id IN ('" + CLEO + "')")));
  }

  @Test
  void aServerErrorIsRetriedAndTheReadThenSucceeds(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("up").willReturn(aResponse().withStatus(503).withBody(fixture("errors/503-unavailable.html"))));
    stubFor(get(urlPathEqualTo(QUERY)).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(json(200, fixture("query/accounts-traits-by-id.json"))));

    assertThat(read(wm, EntityLevel.ACCOUNT, List.of(ACME, GLOBEX))).containsOnlyKeys(ACME, GLOBEX);
    verify(2, getRequestedFor(urlPathEqualTo(QUERY)));
  }

  @Test
  void aSessionRefusedAgainAfterRenewalFailsTheReadAsAuth(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(401, fixture("errors/401-invalid-session.json"))));

    assertThatThrownBy(() -> read(wm, EntityLevel.ACCOUNT, List.of(ACME)))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
          assertThat(e.getMessage()).contains("INVALID_SESSION_ID");
        });
  }

  @Test
  void aUserFieldMissingOnLeadFailsAsInvalidFieldWithoutRetrying(WireMockRuntimeInfo wm) {
    query("FROM Contact", "query/contacts-traits-by-id.json");
    stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM Lead"))
        .willReturn(json(400, fixture("errors/400-invalid-field-lead.json"))));

    assertThatThrownBy(() -> read(wm, EntityLevel.USER, List.of(ANA, CLEO)))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
          assertThat(e.getMessage()).contains("INVALID_FIELD", "Seats__c");
        });
    verify(1, getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM Lead")));
  }

  @Test
  void aLevelWithoutFieldsAsksNothing(WireMockRuntimeInfo wm) {
    CrmTraitFields accountsOnly = new CrmTraitFields(Map.of("industry", "Industry"), null, null);
    try (SalesforceDestination salesforce = destination(wm, accountsOnly)) {
      assertThat(salesforce.traitReader().orElseThrow().read(EntityLevel.USER, List.of(ANA))).isEmpty();
    }
    verify(0, getRequestedFor(urlPathEqualTo(QUERY)));
  }

  @Test
  void withoutATraitsBlockThereIsNoReader(WireMockRuntimeInfo wm) {
    try (SalesforceDestination salesforce = SalesforceStubs.destination(wm)) {
      assertThat(salesforce.traitReader()).isEmpty();
    }
    try (SalesforceDestination salesforce = destination(wm, TRAITS)) {
      assertThat(salesforce.traitReader().map(TraitReader::fields)).contains(TRAITS);
    }
  }

  private static void query(String from, String fixture) {
    stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing(from)).willReturn(json(200, fixture(fixture))));
  }

  private static Map<String, Map<String, String>> read(WireMockRuntimeInfo wm, EntityLevel level, List<String> ids) {
    try (SalesforceDestination salesforce = destination(wm, TRAITS)) {
      return salesforce.traitReader().orElseThrow().read(level, ids);
    }
  }

  private static SalesforceDestination destination(WireMockRuntimeInfo wm, CrmTraitFields traits) {
    return SalesforceStubs.destination(new ConfigBuilder(wm).traits(traits).build(), Clock.systemUTC());
  }
}
