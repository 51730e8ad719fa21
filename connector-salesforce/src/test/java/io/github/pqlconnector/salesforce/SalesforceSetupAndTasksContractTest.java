package io.github.pqlconnector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.SetupReport;
import io.github.pqlconnector.core.spi.TaskRequest;
import io.github.pqlconnector.core.spi.TaskResult;
import java.time.Clock;
import java.time.Instant;
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
  void aTaskIsCreatedOnTheRecordWithItsKeyWhenNoneHasIt(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(200, fixture("query/empty.json"))));
    stubFor(post(urlEqualTo(DATA + "/sobjects/Task")).willReturn(json(201, fixture("tasks/created.json"))));

    TaskResult result = SalesforceStubs.destination(wm).createTask(task("00Qxx000001abcDEAQ"));

    assertThat(result).isEqualTo(new TaskResult("00Txx000000aBcEEAU", false));
    verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing(
        "SELECT Id FROM Task WHERE PQL_Task_Key__c = 'sync:user:ana@example.com:2026-11-30' LIMIT 1")));
    verify(postRequestedFor(urlEqualTo(DATA + "/sobjects/Task")).withRequestBody(equalToJson("""
        {"WhoId":"00Qxx000001abcDEAQ","OwnerId":"005xx000001SwiUAAS","Subject":"PQL: ana@example.com",
         "Description":"Sent 2,400 messages","ActivityDate":"2026-12-01","Status":"Not Started","Priority":"High",
         "PQL_Task_Key__c":"sync:user:ana@example.com:2026-11-30"}""")));
  }

  @Test
  void aTaskAnEarlierAttemptCreatedIsReturnedNotCreatedAgain(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(200, fixture("query/task-found.json"))));

    TaskResult result = SalesforceStubs.destination(wm).createTask(task("003xx000004TmiQAAS"));

    assertThat(result).isEqualTo(new TaskResult("00Txx000000aBcDEAU", true));
    assertThat(findAll(postRequestedFor(urlEqualTo(DATA + "/sobjects/Task")))).isEmpty();
  }

  private static TaskRequest task(String recordId) {
    return new TaskRequest("sync:user:ana@example.com:2026-11-30", EntityRef.user("ana@example.com"), recordId,
        "005xx000001SwiUAAS", "PQL: ana@example.com", "Sent 2,400 messages", Instant.parse("2026-12-01T12:00:00Z"));
  }

  private static SalesforceDestination contactsOnly(WireMockRuntimeInfo wm) {
    stubDescribe("Account", fixture("describe/account-complete.json"));
    return SalesforceStubs.destination(new ConfigBuilder(wm).userObjects("Contact").tasks(null).build(),
        Clock.systemUTC());
  }

  private static void stubDescribe(String object, String body) {
    stubFor(get(urlEqualTo(DATA + "/sobjects/" + object + "/describe")).willReturn(json(200, body)));
  }
}
