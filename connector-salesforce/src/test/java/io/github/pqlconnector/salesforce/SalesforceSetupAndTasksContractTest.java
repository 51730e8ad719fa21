package io.github.pqlconnector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.pqlconnector.salesforce.SalesforceStubs.DATA;
import static io.github.pqlconnector.salesforce.SalesforceStubs.fixture;
import static io.github.pqlconnector.salesforce.SalesforceStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.SetupReport;
import io.github.pqlconnector.core.spi.TaskBatchResult;
import io.github.pqlconnector.core.spi.TaskRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code pql setup} through describe and the Tooling API, and tasks found by their key before any create.
 */
@WireMockTest
class SalesforceSetupAndTasksContractTest {
  static final String TOOLING = DATA + "/tooling/sobjects/CustomField";
  static final String QUERY = DATA + "/query";

  @BeforeEach
  void token() {
    SalesforceStubs.tokenEndpoint("token-client-credentials.json");
  }

  @Test
  void setupCreatesTheMissingFieldsReportsTheWrongTypeAndSaysToGrantFieldSecurity(WireMockRuntimeInfo wm) {
    stubDescribe("Contact", fixture("describe/contact-partial.json"));
    stubFor(post(urlEqualTo(TOOLING)).willReturn(json(201, fixture("tooling/created.json"))));

    SetupReport report = contactsOnly(wm).ensureFields(false);

    assertThat(report.unchanged()).hasSize(12).contains("Account.PQL_Score__c").containsSubsequence("Contact.PQL_Status__c", "Contact.PQL_Type__c",
        "Contact.PQL_Reasons__c", "Contact.PQL_Activation_Pct__c", "Contact.PQL_Qualified_At__c");
    assertThat(report.created()).containsExactly("Contact.PQL_Evaluated_At__c");
    assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith("Contact.PQL_Score__c: exists as type"
        + " 'string', expected 'double'; left unchanged"));
    assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith("Contact.PQL_Evaluated_At__c: created,"
        + " but Salesforce grants no field-level security").contains("PQL_Connector permission set"));
    verify(postRequestedFor(urlEqualTo(TOOLING)).withRequestBody(equalToJson("""
        {"FullName":"Contact.PQL_Evaluated_At__c","Metadata":{"label":"PQL Evaluated At","type":"DateTime",
         "description":"Set by PQL Connector","required":false,"externalId":false}}""")));
  }

  @Test
  void withoutPermissionSetupSaysExactlyWhichFieldToAddAndHow(WireMockRuntimeInfo wm) {
    stubDescribe("Contact", "{\"name\":\"Contact\",\"fields\":[{\"name\":\"Id\",\"type\":\"id\"}]}");
    stubFor(post(urlEqualTo(TOOLING)).willReturn(json(403, fixture("tooling/403-insufficient-access.json"))));

    SetupReport report = contactsOnly(wm).ensureFields(false);

    assertThat(report.created()).isEmpty();
    assertThat(report.problems()).hasSize(7).anySatisfy(p -> assertThat(p).isEqualTo("Contact.PQL_Status__c:"
        + " missing, and the integration user may not create it (salesforce: SalesforceApi.createCustomField: HTTP 403"
        + " PERMISSION INSUFFICIENT_ACCESS: insufficient access rights on cross-reference id). Add it in Setup →"
        + " Object Manager → Contact → Fields & Relationships → New: Picklist (pql, warm, cold, not_fit, restricted),"
        + " label 'PQL Status', API name PQL_Status__c; then grant read and edit field-level security to the"
        + " integration user. Or run " + SalesforceSetup.DEPLOY));
  }

  @Test
  void aDryRunCreatesNothing(WireMockRuntimeInfo wm) {
    stubDescribe("Contact", "{\"name\":\"Contact\",\"fields\":[]}");
    SetupReport report = contactsOnly(wm).ensureFields(true);
    assertThat(report.created()).hasSize(7);
    verify(0, postRequestedFor(urlEqualTo(TOOLING)));
  }

  @Test
  void tasksAreFoundByTheirKeysInOneSoqlQuery(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(200, fixture("tasks/query-one-found.json"))));

    Map<String, String> found = SalesforceStubs.destination(wm).findTasks(List.of(ANA, ACME));

    assertThat(found).containsExactly(Map.entry(K1, "00Txx000000aBcDEAU"));
    verify(1, getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", equalTo(
        "SELECT Id, PQL_Task_Key__c FROM Task WHERE PQL_Task_Key__c IN ('" + K1 + "','" + K2 + "')")));
  }

  @Test
  void tasksAreCreatedInOneCollectionsCallAndARefusedOneIsData(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(COLLECTIONS)).willReturn(json(200, fixture("tasks/create-partial.json"))));

    TaskBatchResult result = SalesforceStubs.destination(wm).createTasks(List.of(ANA, ACME));

    assertThat(result.created()).containsExactly(Map.entry(K1, "00Txx000000aBcDEAU"));
    assertThat(result.failed()).containsOnlyKeys(K2);
    assertThat(result.failed().get(K2).vendorCode()).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
    assertThat(result.failed().get(K2).message()).contains("owner cannot be blank").contains("OwnerId");
    verify(1, postRequestedFor(urlEqualTo(COLLECTIONS))
        .withRequestBody(equalToJson(fixture("tasks/create-request.json"))));
  }

  @Test
  void aCreateAppliedButAnsweredWithAResetIsNotSentAgainAndIsFoundByTheNextQuery(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).inScenario("lost").whenScenarioStateIs(STARTED)
        .willReturn(json(200, fixture("query/empty.json"))));
    stubFor(post(urlEqualTo(COLLECTIONS)).inScenario("lost").willSetStateTo("applied")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    stubFor(get(urlPathEqualTo(QUERY)).inScenario("lost").whenScenarioStateIs("applied")
        .willReturn(json(200, fixture("tasks/query-both-found.json"))));
    SalesforceDestination destination = SalesforceStubs.destination(wm);

    assertThat(destination.findTasks(List.of(ANA, ACME))).isEmpty();
    assertThatThrownBy(() -> destination.createTasks(List.of(ANA, ACME)))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(destination.findTasks(List.of(ANA, ACME)))
        .containsOnly(Map.entry(K1, "00Txx000000aBcDEAU"), Map.entry(K2, "00Txx000000aBcEEAU"));
    verify(1, postRequestedFor(urlEqualTo(COLLECTIONS)));
  }

  private static final String K1 = "5d41402abc4b2a76b9719d911017c592ae3f0b1e7a4c59c2e5d4a01f8a3b1c01";
  private static final String K2 = "7c222fb2927d828af22f592134e8932480637c0d2c4f8e3b8b0e5e0b2a71d402";
  private static final String COLLECTIONS = DATA + "/composite/sobjects";
  private static final Instant DUE = Instant.parse("2026-12-01T12:00:00Z");
  private static final TaskRequest ANA = new TaskRequest(K1, EntityRef.user("ana@example.com"), "00Qxx000001abcDEAQ",
      "005xx000001SwiUAAS", "PQL: ana@example.com", "Sent 2,400 messages", DUE);
  private static final TaskRequest ACME = new TaskRequest(K2, EntityRef.account("acme.example"), "001xx000003DGb2AAG",
      "005xx000009ZzzZAAS", "PQL: acme.example", "Seats 12", DUE);

  private static SalesforceDestination contactsOnly(WireMockRuntimeInfo wm) {
    stubDescribe("Account", fixture("describe/account-complete.json"));
    return SalesforceStubs.destination(new ConfigBuilder(wm).userObjects("Contact").tasks(null).build(),
        Clock.systemUTC());
  }

  private static void stubDescribe(String object, String body) {
    stubFor(get(urlEqualTo(DATA + "/sobjects/" + object + "/describe")).willReturn(json(200, body)));
  }
}
