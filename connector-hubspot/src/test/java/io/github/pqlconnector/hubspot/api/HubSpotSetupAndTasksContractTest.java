package io.github.pqlconnector.hubspot.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.call;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.fixture;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.verifyGet;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.verifyPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Property groups, property definitions (the PQL field types) and task creation, in both path shapes. */
@WireMockTest
class HubSpotSetupAndTasksContractTest {
  private HubSpotApi api;

  @BeforeEach
  void connect(WireMockRuntimeInfo wireMock) {
    api = HubSpotStubs.api(wireMock);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(HubSpotStubs.VERSIONS)
  void readsAPropertyGroup(HubSpotApiVersion version, String objects, String properties) {
    stubFor(get(urlPathEqualTo(properties + "/contacts/groups/pql"))
        .willReturn(okJson(fixture("property-groups/response-pql.json"))));

    PropertyGroupResponse group = call(api.readPropertyGroup(version.propertiesPath(), "contacts", "pql"));

    verifyGet(properties + "/contacts/groups/pql");
    assertThat(group).isEqualTo(new PropertyGroupResponse("pql", "Product-qualified lead", -1, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(HubSpotStubs.VERSIONS)
  void createsAPropertyGroup(HubSpotApiVersion version, String objects, String properties) {
    stubFor(post(urlPathEqualTo(properties + "/companies/groups"))
        .willReturn(created(fixture("property-groups/response-pql.json"))));

    PropertyGroupResponse group = call(api.createPropertyGroup(version.propertiesPath(), "companies",
        new PropertyGroupCreateRequest("pql", "Product-qualified lead", -1)));

    verifyPost(properties + "/companies/groups", "property-groups/request-create-pql.json");
    assertThat(group.name()).isEqualTo("pql");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(HubSpotStubs.VERSIONS)
  void readsAnEnumerationPropertyWithItsOptions(HubSpotApiVersion version, String objects, String properties) {
    stubFor(get(urlPathEqualTo(properties + "/contacts/pql_status"))
        .willReturn(okJson(fixture("properties/response-status.json"))));

    PropertyResponse property = call(api.readProperty(version.propertiesPath(), "contacts", "pql_status"));

    verifyGet(properties + "/contacts/pql_status");
    assertThat(property.type()).isEqualTo(PropertyType.ENUMERATION.wireName());
    assertThat(property.fieldType()).isEqualTo(FieldType.SELECT.wireName());
    assertThat(property.groupName()).isEqualTo("pql");
    assertThat(property.options()).extracting(PropertyOption::value).containsExactly("pql", "warm", "cold", "not_fit");
    assertThat(property.hubspotDefined()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(HubSpotStubs.VERSIONS)
  void createsAnEnumerationProperty(HubSpotApiVersion version, String objects, String properties) {
    stubFor(post(urlPathEqualTo(properties + "/contacts"))
        .willReturn(created(fixture("properties/response-status.json"))));

    PropertyResponse property = call(api.createProperty(version.propertiesPath(), "contacts",
        PropertyCreateRequest.enumeration("pql_status", "PQL status", "pql", List.of(
            PropertyOption.of("pql", "PQL", 1), PropertyOption.of("warm", "Warm", 2),
            PropertyOption.of("cold", "Cold", 3), PropertyOption.of("not_fit", "Not a fit", 4)))
            .withDescription("Set by PQL Connector")));

    verifyPost(properties + "/contacts", "properties/request-create-status.json");
    assertThat(property.name()).isEqualTo("pql_status");
  }

  static Stream<Arguments> pqlFieldTypes() {
    return Stream.of(
        Arguments.of(PropertyCreateRequest.number("pql_score", "PQL score", "pql"), "request-create-score.json"),
        Arguments.of(PropertyCreateRequest.datetime("pql_qualified_at", "PQL qualified at", "pql"),
            "request-create-qualified-at.json"),
        Arguments.of(PropertyCreateRequest.textarea("pql_reasons", "PQL reasons", "pql"),
            "request-create-reasons.json"),
        Arguments.of(PropertyCreateRequest.text("pql_task_key", "PQL task key", "pql").withUniqueValues(),
            "request-create-task-key.json"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("pqlFieldTypes")
  void createsEachPqlFieldTypeWithItsTypePair(PropertyCreateRequest request, String requestFixture) {
    stubFor(post(urlPathEqualTo("/crm/properties/2026-09/contacts"))
        .willReturn(created(fixture("properties/response-score.json"))));

    call(api.createProperty(new HubSpotApiVersion("2026-09").propertiesPath(), "contacts", request));

    verifyPost("/crm/properties/2026-09/contacts", "properties/" + requestFixture);
  }

  @Test
  void anEnumerationWithoutOptionsIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> PropertyCreateRequest.enumeration("pql_type", "PQL type", "pql", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pql_type");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(HubSpotStubs.VERSIONS)
  void createsATaskOnTheContactAndTheCompany(HubSpotApiVersion version, String objects) {
    stubFor(post(urlPathEqualTo(objects + "/tasks")).willReturn(created(fixture("tasks/response-created.json"))));
    TaskFields task = new TaskFields("PQL: Acme — Sent 2,400 messages (≥ 2,000)",
        "Score 87\nSent 2,400 messages (≥ 2,000)\nActivated 80 %", Instant.parse("2026-10-02T09:00:00Z"),
        TaskFields.Priority.HIGH, "64492917", "pql_task_key", "product-to-hubspot:account:acme.example:2026-10-01");

    ObjectResponse created = call(api.createTask(version.objectsPath(), TaskCreateRequest.of(task, List.of(
        AssociationInput.to("512", AssociationSpec.TASK_TO_CONTACT),
        AssociationInput.to("9001", AssociationSpec.TASK_TO_COMPANY)))));

    verifyPost(objects + "/tasks", "tasks/request-create.json");
    assertThat(created.id()).isEqualTo("77001");
    assertThat(created.property("pql_task_key")).contains(task.key());
  }

  @Test
  void aTaskWithoutAssociationsIsRefusedBecauseNoRecordWouldShowIt() {
    TaskFields task = new TaskFields("s", "b", Instant.EPOCH, TaskFields.Priority.LOW, null, "pql_task_key", "k");
    assertThatThrownBy(() -> TaskCreateRequest.of(task, List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  private static ResponseDefinitionBuilder created(String body) {
    return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(body);
  }
}
