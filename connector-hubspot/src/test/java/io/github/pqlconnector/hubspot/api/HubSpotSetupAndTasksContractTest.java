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
  void batchCreatesTasksOnTheirCompanyAndContactTracedByKey(HubSpotApiVersion version, String objects) {
    stubFor(post(urlPathEqualTo(objects + "/tasks/batch/create"))
        .willReturn(okJson(fixture("tasks/response-batch-create-partial.json")).withStatus(207)));
    String k1 = "5d41402abc4b2a76b9719d911017c592ae3f0b1e7a4c59c2e5d4a01f8a3b1c01";
    String k2 = "7c222fb2927d828af22f592134e8932480637c0d2c4f8e3b8b0e5e0b2a71d402";
    Instant due = Instant.parse("2026-10-02T09:00:00Z");
    TaskCreateRequest acme = TaskCreateRequest.of(new TaskFields("PQL: Acme — Sent 2,400 messages (≥ 2,000)",
        "Score 87\nSent 2,400 messages (≥ 2,000)\nActivated 80 %", due, TaskFields.Priority.HIGH, "64492917",
        "pql_task_key", k1), List.of(AssociationInput.to("9001", AssociationSpec.TASK_TO_COMPANY)));
    TaskCreateRequest ana = TaskCreateRequest.of(new TaskFields("PQL: ana@example.com — Asked for sales",
        "Score 90\nAsked for sales", due, TaskFields.Priority.HIGH, "99999999", "pql_task_key", k2),
        List.of(AssociationInput.to("512", AssociationSpec.TASK_TO_CONTACT)));

    BatchResponse batch = call(api.batchCreate(version.objectsPath(), "tasks", new BatchCreateRequest(List.of(
        new ObjectCreateInput(acme.properties(), acme.associations(), k1),
        new ObjectCreateInput(ana.properties(), ana.associations(), k2)))));

    verifyPost(objects + "/tasks/batch/create", "tasks/request-batch-create.json");
    assertThat(batch.results()).singleElement().satisfies(task -> {
      assertThat(task.id()).isEqualTo("77001");
      assertThat(task.objectWriteTraceId()).isEqualTo(k1);
    });
    assertThat(HubSpotInputErrors.of(batch, List.of(k1, k2))).singleElement().satisfies(e -> {
      assertThat(e.input()).isEqualTo(k2);
      assertThat(e.hubspotCategory()).isEqualTo("VALIDATION_ERROR");
    });
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
