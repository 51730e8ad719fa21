package io.github.pqlconnector.salesforce;

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

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.sync.FieldComparison;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading the PQL fields back with SOQL {@code Id IN}, for reconciliation. */
@WireMockTest
class SalesforceReadBackContractTest {
  private static final String QUERY = DATA + "/query";
  private static final String ANA = "003xx000004TmiQAAS";
  private static final String BEN = "003xx000004TmiRAAS";
  private static final String CLEO = "00Qxx000001abcDEAQ";
  private static final String GONE = "003xx000009ZZZZAAS";

  @BeforeEach
  void stubs() {
    SalesforceStubs.tokenEndpoint("token-client-credentials.json");
    stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM Contact"))
        .willReturn(json(200, fixture("query/contacts-pql-by-id.json"))));
    stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM Lead"))
        .willReturn(json(200, fixture("query/leads-pql-by-id.json"))));
  }

  @Test
  void readsContactsThenLeadsByIdAndCountsAMissingIdAsGone(WireMockRuntimeInfo wm) {
    Map<String, PqlFields> held;
    try (SalesforceDestination salesforce = SalesforceStubs.destination(wm)) {
      held = salesforce.readFields(EntityLevel.USER, List.of(ANA, BEN, CLEO, GONE));
    }

    assertThat(held).containsOnlyKeys(ANA, BEN, CLEO);
    assertThat(held.get(CLEO).status()).isEmpty();
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing("SELECT Id, PQL_Status__c,"
        + " PQL_Score__c, PQL_Type__c, PQL_Reasons__c, PQL_Activation_Pct__c, PQL_Qualified_At__c,"
        + " PQL_Evaluated_At__c FROM Contact WHERE Id IN ('" + ANA + "','" + BEN + "','" + CLEO + "','" + GONE + "')")));
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing(
        "FROM Lead WHERE IsConverted = false AND Id IN ('" + CLEO + "','" + GONE + "')")));
  }

  @Test
  void anUntouchedRecordComparesEqualAndAnEditedOneDoesNot(WireMockRuntimeInfo wm) {
    PqlFields written = SalesforceStubs.userUpdate("ana@example.com", ANA).fields();
    try (SalesforceDestination salesforce = SalesforceStubs.destination(wm)) {
      Map<String, PqlFields> held = salesforce.readFields(EntityLevel.USER, List.of(ANA, BEN));
      assertThat(held.get(ANA)).isEqualTo(new PqlFields("pql", 87, "hand_raiser",
          List.of("Sent 2,400 messages", "Activated 80 %"), 80.0, SalesforceStubs.EVALUATED,
          SalesforceStubs.EVALUATED));
      assertThat(FieldComparison.same(held.get(ANA), salesforce.asStored(written))).isTrue();
      assertThat(FieldComparison.same(held.get(BEN), salesforce.asStored(written))).isFalse();
    }
  }

  @Test
  void accountsAreReadFromAccount(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM Account"))
        .willReturn(json(200, fixture("query/empty.json"))));
    try (SalesforceDestination salesforce = SalesforceStubs.destination(wm)) {
      assertThat(salesforce.readFields(EntityLevel.ACCOUNT, List.of("001xx000003DGb2AAG"))).isEmpty();
    }
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing(
        "FROM Account WHERE Id IN ('001xx000003DGb2AAG')")));
  }
}
