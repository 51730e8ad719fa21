package io.github.pqlconnector.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.pqlconnector.hubspot.HubSpotDestinations.fixture;
import static io.github.pqlconnector.hubspot.HubSpotMatchAndTasksContractTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.CrmTraitFields;
import io.github.pqlconnector.core.spi.TraitReader;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Company and contact properties of matched records read as traits, by record id ({@code batch/read}). */
@WireMockTest
class HubSpotTraitsContractTest {
  private static final String COMPANIES = "/crm/v3/objects/companies/batch/read";
  private static final String CONTACTS = "/crm/v3/objects/contacts/batch/read";
  private static final CrmTraitFields TRAITS = new CrmTraitFields(
      Map.of("employees", "numberofemployees", "industry", "industry", "public", "is_public",
          "revenue", "annualrevenue"),
      Map.of("lifecycle", "lifecyclestage", "title", "jobtitle"), null);

  @Test
  void readsTheMappedCompanyPropertiesUnderTheirTraitNamesLeavingEmptyOnesOut(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(COMPANIES)).willReturn(json(200, fixture("traits/response-companies.json"))));

    Map<String, Map<String, String>> traits = read(wireMock, EntityLevel.ACCOUNT, List.of("9001", "9002"));

    assertThat(traits).containsOnlyKeys("9001", "9002");
    assertThat(traits.get("9001")).isEqualTo(Map.of("employees", "120", "industry", "COMPUTER_SOFTWARE",
        "public", "false", "revenue", "2500000"));
    assertThat(traits.get("9002")).isEqualTo(Map.of("employees", "45", "public", "true"));
    verify(1, postRequestedFor(urlEqualTo(COMPANIES)).withRequestBody(equalToJson("""
        {"inputs":[{"id":"9001"},{"id":"9002"}],
         "properties":["annualrevenue","industry","is_public","numberofemployees"],"propertiesWithHistory":[]}""")));
  }

  @Test
  void readsContactsAndAContactHubSpotNoLongerHasIsAbsent(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(CONTACTS)).willReturn(json(207, fixture("traits/response-contacts-one-not-found.json"))));

    Map<String, Map<String, String>> traits = read(wireMock, EntityLevel.USER, List.of("512", "514"));

    assertThat(traits).isEqualTo(Map.of("512", Map.of("lifecycle", "salesqualifiedlead")));
    verify(1, postRequestedFor(urlEqualTo(CONTACTS)).withRequestBody(equalToJson("""
        {"inputs":[{"id":"512"},{"id":"514"}],"properties":["jobtitle","lifecyclestage"],
         "propertiesWithHistory":[]}""")));
  }

  @Test
  void moreIdsThanOneBatchAreReadInCallsOfAHundred(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(CONTACTS)).willReturn(json(200, fixture("traits/response-contacts-one-not-found.json"))));
    List<String> ids = IntStream.range(0, 150).mapToObj(i -> Integer.toString(1000 + i)).toList();

    assertThat(read(wireMock, EntityLevel.USER, ids)).isEmpty();
    verify(2, postRequestedFor(urlEqualTo(CONTACTS)));
  }

  @Test
  void aRateLimitedReadIsRetriedAfterRetryAfter(WireMockRuntimeInfo wireMock) {
    failOnceThenRead(json(429, fixture("errors/429-ten-secondly.json")).withHeader("Retry-After", "1"));

    assertThat(read(wireMock, EntityLevel.ACCOUNT, List.of("9001", "9002"))).containsOnlyKeys("9001", "9002");
    verify(2, postRequestedFor(urlEqualTo(COMPANIES)));
  }

  @Test
  void aServerErrorIsRetried(WireMockRuntimeInfo wireMock) {
    failOnceThenRead(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
        .withBody(fixture("errors/502-bad-gateway.html")));

    assertThat(read(wireMock, EntityLevel.ACCOUNT, List.of("9001", "9002"))).containsOnlyKeys("9001", "9002");
    verify(2, postRequestedFor(urlEqualTo(COMPANIES)));
  }

  @Test
  void aRefusedTokenFailsTheRead(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(COMPANIES)).willReturn(json(401, fixture("errors/401-invalid-authentication.json"))));

    assertThatThrownBy(() -> read(wireMock, EntityLevel.ACCOUNT, List.of("9001")))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH));
  }

  @Test
  void withoutATraitsBlockThereIsNoReaderAndALevelWithoutFieldsReadsNothing(WireMockRuntimeInfo wireMock) {
    try (HubSpotDestination hubspot = HubSpotDestinations.destination(wireMock)) {
      assertThat(hubspot.traitReader()).isEmpty();
    }
    CrmTraitFields accountsOnly = new CrmTraitFields(Map.of("employees", "numberofemployees"), null, null);
    try (HubSpotDestination hubspot = HubSpotDestinations.destination(config(wireMock, accountsOnly))) {
      TraitReader reader = hubspot.traitReader().orElseThrow();
      assertThat(reader.fields()).isEqualTo(accountsOnly);
      assertThat(reader.read(EntityLevel.USER, List.of("512"))).isEmpty();
    }
    verify(0, anyRequestedFor(anyUrl()));
  }

  private static void failOnceThenRead(ResponseDefinitionBuilder failure) {
    stubFor(post(urlEqualTo(COMPANIES)).inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(failure).willSetStateTo("recovered"));
    stubFor(post(urlEqualTo(COMPANIES)).inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(json(200, fixture("traits/response-companies.json"))));
  }

  private static Map<String, Map<String, String>> read(WireMockRuntimeInfo wireMock, EntityLevel level,
      List<String> ids) {
    try (HubSpotDestination hubspot = HubSpotDestinations.destination(config(wireMock, TRAITS))) {
      return hubspot.traitReader().orElseThrow().read(level, ids);
    }
  }

  private static HubSpotConfig config(WireMockRuntimeInfo wireMock, CrmTraitFields traits) {
    return new HubSpotConfig(new Secret(HubSpotDestinations.TOKEN), wireMock.getHttpBaseUrl() + "/", null, null, null,
        false, null, null, null, null, traits);
  }
}
