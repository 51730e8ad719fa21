package io.github.pqlconnector.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.hubspot.HubSpotDestinations.fixture;
import static io.github.pqlconnector.hubspot.HubSpotDestinations.userUpdate;
import static io.github.pqlconnector.hubspot.HubSpotMatchAndTasksContractTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.WriteResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With {@code createMissing}: contacts upserted by email, companies created with their domain; batch-level errors. */
@WireMockTest
class HubSpotCreateMissingContractTest {

  @Test
  void missingContactsAreUpsertedByEmailNeverSearchedThenCreated(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo("/crm/v3/objects/contacts/batch/upsert")).willReturn(json(200, """
        {"status":"COMPLETE","results":[{"id":"777","new":true,"properties":{},"archived":false,
          "objectWriteTraceId":"user:new@example.com"}]}""")));
    HubSpotDestination destination = HubSpotDestinations.destination(
        HubSpotDestinations.config(wireMock, true, null));

    WriteResult result = destination.upsert(EntityLevel.USER, List.of(userUpdate("new@example.com", null)));

    assertThat(result.written()).containsEntry(EntityRef.user("new@example.com"), "777");
    assertThat(result.failed()).isEmpty();
    verify(1, postRequestedFor(urlEqualTo("/crm/v3/objects/contacts/batch/upsert"))
        .withRequestBody(matchingJsonPath("$.inputs[0].idProperty", equalTo("email")))
        .withRequestBody(matchingJsonPath("$.inputs[0].id", equalTo("new@example.com")))
        .withRequestBody(matchingJsonPath("$.inputs[0].objectWriteTraceId", equalTo("user:new@example.com"))));
  }

  @Test
  void missingCompaniesAreCreatedWithTheirDomainAndATraceIdEach(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo("/crm/v3/objects/companies/batch/create")).willReturn(json(201, """
        {"status":"COMPLETE","results":[{"id":"9100","properties":{},"archived":false,
          "objectWriteTraceId":"account:acme.example"}]}""")));
    PqlUpdate update = new PqlUpdate(EntityRef.account("acme.example"), new MatchKey("domain", "acme.example"), null,
        userUpdate("x@example.com", null).fields());

    WriteResult result = HubSpotDestinations.destination(HubSpotDestinations.config(wireMock, true, null))
        .upsert(EntityLevel.ACCOUNT, List.of(update));

    assertThat(result.written()).containsEntry(EntityRef.account("acme.example"), "9100");
    verify(1, postRequestedFor(urlEqualTo("/crm/v3/objects/companies/batch/create"))
        .withRequestBody(matchingJsonPath("$.inputs[0].properties.domain", equalTo("acme.example")))
        .withRequestBody(matchingJsonPath("$.inputs[0].properties.pql_status", equalTo("pql")))
        .withRequestBody(matchingJsonPath("$.inputs[0].objectWriteTraceId", equalTo("account:acme.example"))));
  }

  @Test
  void aCompanyCreateAnsweredWithAServerErrorIsNotSentAgainWithinTheCall(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo("/crm/v3/objects/companies/batch/create")).willReturn(json(502,
        fixture("errors/502-bad-gateway.html")).withHeader("Content-Type", "text/html")));
    PqlUpdate update = new PqlUpdate(EntityRef.account("acme.example"), new MatchKey("domain", "acme.example"), null,
        userUpdate("x@example.com", null).fields());

    assertThatThrownBy(() -> HubSpotDestinations.destination(HubSpotDestinations.config(wireMock, true, null))
        .upsert(EntityLevel.ACCOUNT, List.of(update)))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.retryable()).isTrue());
    verify(1, postRequestedFor(urlEqualTo("/crm/v3/objects/companies/batch/create")));
  }

  @Test
  void anErrorNamingNoInputFailsEveryInputWithoutAResult(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo("/crm/v3/objects/contacts/batch/update")).willReturn(json(207, """
        {"status":"COMPLETE","results":[{"id":"512","properties":{},"archived":false}],"numErrors":1,
         "errors":[{"status":"error","category":"VALIDATION_ERROR","message":"Rule 'no PQL on partners' failed",
           "context":{},"errors":[]}]}""")));

    WriteResult result = HubSpotDestinations.destination(wireMock).upsert(EntityLevel.USER,
        List.of(userUpdate("ana@example.com", "512"), userUpdate("ben@example.com", "513")));

    assertThat(result.written()).containsOnlyKeys(EntityRef.user("ana@example.com"));
    assertThat(result.failed()).singleElement().satisfies(e -> {
      assertThat(e.entity()).isEqualTo(EntityRef.user("ben@example.com"));
      assertThat(e.vendorCode()).isEqualTo("VALIDATION_ERROR");
      assertThat(e.message()).isEqualTo("Rule 'no PQL on partners' failed");
    });
  }

  @Test
  void aBatchRefusedAsAWholeIsAnException(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo("/crm/v3/objects/contacts/batch/update"))
        .willReturn(json(403, fixture("errors/403-missing-scopes.json"))));

    assertThatThrownBy(() -> HubSpotDestinations.destination(wireMock).upsert(EntityLevel.USER,
        List.of(userUpdate("ana@example.com", "512"))))
        .isInstanceOfSatisfying(VendorException.class,
            e -> assertThat(e.category()).isEqualTo(ErrorCategory.PERMISSION));
  }
}
