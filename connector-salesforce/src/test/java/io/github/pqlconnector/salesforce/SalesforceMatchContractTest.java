package io.github.pqlconnector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.salesforce.SalesforceStubs.DATA;
import static io.github.pqlconnector.salesforce.SalesforceStubs.fixture;
import static io.github.pqlconnector.salesforce.SalesforceStubs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SOQL matching: Contacts first, then Leads for the emails not found; every page followed through
 * {@code nextRecordsUrl}; many keys split into statements under the URI limit; accounts by website domain.
 */
@WireMockTest
class SalesforceMatchContractTest {
  static final String QUERY = DATA + "/query";

  @BeforeEach
  void token() {
    SalesforceStubs.tokenEndpoint("token-client-credentials.json");
  }

  @Test
  void usersAreLookedUpOnContactsThenOnLeadsFollowingEveryPage(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM Contact"))
        .willReturn(json(200, fixture("query/contacts-page-1.json"))));
    stubFor(get(urlEqualTo(DATA + "/query/01gxx0000002jVbAAI-2000"))
        .willReturn(json(200, fixture("query/contacts-page-2.json"))));
    stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM Lead"))
        .willReturn(json(200, fixture("query/leads.json"))));

    MatchResult found = SalesforceStubs.destination(wm).match(EntityLevel.USER, keys("email",
        "ana@example.com", "ben@example.com", "cleo@example.com", "dan@example.com"));

    assertThat(found.found()).containsOnlyKeys("ana@example.com", "ben@example.com", "cleo@example.com");
    assertThat(found.found().get("ana@example.com")).as("the oldest of two contacts")
        .isEqualTo(new CrmRecord("003xx000004TmiQAAS", "005xx000001SwiUAAS"));
    assertThat(found.found().get("cleo@example.com").id()).isEqualTo("00Qxx000001abcDEAQ");
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing(
        "SELECT Id, Email, OwnerId FROM Contact WHERE Email IN ('ana@example.com','ben@example.com',"
            + "'cleo@example.com','dan@example.com') ORDER BY CreatedDate, Id")));
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing(
        "FROM Lead WHERE IsConverted = false AND Email IN ('cleo@example.com','dan@example.com')")));
  }

  @Test
  void manyKeysAreSplitIntoStatementsUnderTheUriLimitAndQuotesAreEscaped(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(200, fixture("query/empty.json"))));
    List<MatchKey> keys = new java.util.ArrayList<>(IntStream.range(0, 1_000)
        .mapToObj(i -> new MatchKey("email", "user" + i + "@example.com")).toList());
    keys.add(new MatchKey("email", "o'brien@example.com"));

    SalesforceStubs.destination(new ConfigBuilder(wm).userObjects("Contact").build(), Clock.systemUTC()).match(EntityLevel.USER, keys);

    List<LoggedRequest> queries = findAll(getRequestedFor(urlPathEqualTo(QUERY)));
    assertThat(queries).hasSizeGreaterThan(1)
        .allSatisfy(q -> assertThat(q.getUrl().length()).isLessThanOrEqualTo(Soql.MAX_ENCODED + 100));
    String all = String.join(" ", queries.stream().map(q -> q.queryParameter("q").firstValue()).toList());
    IntStream.range(0, 1_000).forEach(i -> assertThat(all).contains("'user" + i + "@example.com'"));
    assertThat(all).contains("'o\\'brien@example.com'");
  }

  @Test
  void accountsMatchWhenTheWebsitesHostIsTheDomain(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(200, fixture("query/accounts-by-website.json"))));

    MatchResult found = SalesforceStubs.destination(wm).match(EntityLevel.ACCOUNT, keys("domain", "acme.com",
        "Globex.io", "initech.com"));

    assertThat(found.found()).containsOnlyKeys("acme.com", "Globex.io");
    assertThat(found.found().get("acme.com").id()).isEqualTo("001xx000003DGb1AAG");
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing(
        "SELECT Id, OwnerId, Website FROM Account WHERE Website LIKE '%acme.com%' OR Website LIKE '%globex.io%'")));
  }

  @Test
  void accountsMatchOnAConfiguredExternalIdField(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(200, """
        {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Account"},"Id":"001xx000003DGb9AAG",
        "OwnerId":"005xx000001SwiUAAS","Domain__c":"acme.com"}]}""")));
    SalesforceConfig config = new ConfigBuilder(wm).accountField("Domain__c").build();

    MatchResult found = SalesforceStubs.destination(config, Clock.systemUTC())
        .match(EntityLevel.ACCOUNT, keys("domain", "acme.com", "initech.com"));

    assertThat(found.found()).containsOnlyKeys("acme.com");
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing(
        "SELECT Id, OwnerId, Domain__c FROM Account WHERE Domain__c IN ('acme.com','initech.com')")));
  }

  static List<MatchKey> keys(String trait, String... values) {
    return java.util.Arrays.stream(values).map(v -> new MatchKey(trait, v)).toList();
  }
}
