package io.github.pqlconnector.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.resetAllRequests;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.hubspot.HubSpotDestinations.fixture;
import static io.github.pqlconnector.hubspot.HubSpotMatchAndTasksContractTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.spi.SetupReport;
import io.github.pqlconnector.hubspot.api.PropertyCreateRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code pql setup}: creates the group and missing properties once, reports a wrong type and never overwrites. */
@WireMockTest
class HubSpotSetupContractTest {
  private static final String PROPERTIES = "/crm/v3/properties/";

  @BeforeEach
  void nothingExistsYet() {
    stubFor(get(urlPathMatching(PROPERTIES + ".*")).willReturn(json(404, fixture("errors/404-object-not-found.json"))));
    stubFor(post(urlPathMatching(PROPERTIES + "[a-z]+")).willReturn(json(201, fixture("properties/response-score.json"))));
    stubFor(post(urlPathMatching(PROPERTIES + "[a-z]+/groups"))
        .willReturn(json(201, fixture("property-groups/response-pql.json"))));
  }

  @Test
  void createsGroupsAndPropertiesOnceThenChangesNothing(WireMockRuntimeInfo wireMock) {
    HubSpotDestination destination = HubSpotDestinations.destination(wireMock);

    SetupReport first = destination.ensureFields(false);

    assertThat(first.problems()).isEmpty();
    assertThat(first.created()).hasSize(3 + 2 * 7 + 1).contains("contacts group pql", "companies.pql_score",
        "tasks.pql_task_key");
    verify(1, postRequestedFor(urlEqualTo(PROPERTIES + "contacts/groups")).withRequestBody(
        equalToJson(fixture("property-groups/request-create-pql.json"))));
    verify(1, postRequestedFor(urlEqualTo(PROPERTIES + "contacts")).withRequestBody(
        equalToJson(fixture("properties/request-create-status.json"))));
    verify(1, postRequestedFor(urlEqualTo(PROPERTIES + "companies")).withRequestBody(
        equalToJson(fixture("properties/request-create-qualified-at.json"))));
    verify(1, postRequestedFor(urlEqualTo(PROPERTIES + "tasks")).withRequestBody(
        equalToJson(fixture("properties/request-create-task-key.json"))));
    verify(7, postRequestedFor(urlEqualTo(PROPERTIES + "contacts")));

    everythingExists(List.of());
    resetAllRequests();
    SetupReport second = destination.ensureFields(false);

    assertThat(second.created()).isEmpty();
    assertThat(second.unchanged()).hasSize(first.created().size());
    verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void aPropertyOfAnotherTypeIsReportedAndLeftAlone(WireMockRuntimeInfo wireMock) {
    everythingExists(List.of("pql_score"));

    SetupReport report = HubSpotDestinations.destination(wireMock).ensureFields(false);

    assertThat(report.problems()).hasSize(2).allMatch(p -> p.contains("pql_score") && p.contains("'string'")
        && p.contains("expected 'number'"));
    verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void dryRunReportsWithoutWriting(WireMockRuntimeInfo wireMock) {
    SetupReport report = HubSpotDestinations.destination(wireMock).ensureFields(true);

    assertThat(report.created()).hasSize(18);
    verify(0, postRequestedFor(anyUrl()));
    verify(18, getRequestedFor(anyUrl()));
    verify(18, anyRequestedFor(anyUrl()));
  }

  @Test
  void aConflictOnCreateMeansSomeoneElseCreatedIt(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlPathMatching(PROPERTIES + "[a-z]+/groups")).willReturn(json(409, fixture("errors/409-conflict.json"))));

    SetupReport report = HubSpotDestinations.destination(wireMock).ensureFields(false);

    assertThat(report.problems()).isEmpty();
    assertThat(report.unchanged()).containsExactly("contacts group pql", "companies group pql", "tasks group pql");
    assertThat(report.created()).hasSize(15);
  }

  /** Every group and property exists; those in {@code wrongType} as strings. */
  private static void everythingExists(List<String> wrongType) {
    stubFor(get(urlPathMatching(PROPERTIES + "[a-z]+/groups/pql"))
        .willReturn(json(200, fixture("property-groups/response-pql.json"))));
    List<PropertyCreateRequest> all = new java.util.ArrayList<>(HubSpotFields.recordProperties());
    all.add(HubSpotFields.taskKeyProperty());
    for (PropertyCreateRequest property : all) {
      String type = wrongType.contains(property.name()) ? "string" : property.type().wireName();
      stubFor(get(urlPathMatching(PROPERTIES + "[a-z]+/" + property.name())).willReturn(json(200, """
          {"name":"%s","label":"%s","type":"%s","fieldType":"%s","groupName":"pql","options":[]}"""
          .formatted(property.name(), property.label(), type, property.fieldType().wireName()))));
    }
  }
}
