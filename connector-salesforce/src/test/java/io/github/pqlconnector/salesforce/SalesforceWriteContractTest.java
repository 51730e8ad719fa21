package io.github.pqlconnector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.salesforce.SalesforceStubs.DATA;
import static io.github.pqlconnector.salesforce.SalesforceStubs.csv;
import static io.github.pqlconnector.salesforce.SalesforceStubs.fixture;
import static io.github.pqlconnector.salesforce.SalesforceStubs.json;
import static io.github.pqlconnector.salesforce.SalesforceStubs.userUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.WriteResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes: sObject Collections with one result per record in request order (mixed success and failure in one 200),
 * Leads created for users not found, and the whole Bulk API 2.0 lifecycle with results mapped back by Id.
 */
@WireMockTest
class SalesforceWriteContractTest {
  static final String COLLECTIONS = DATA + "/composite/sobjects";
  static final String JOBS = DATA + "/jobs/ingest";
  static final String JOB = JOBS + "/750xx000000bJ1KAAU";
  static final List<PqlUpdate> FOUR = List.of(userUpdate("ana@example.com", "003xx000004TmiQAAS"),
      userUpdate("ben@example.com", "003xx000004TmiRAAS"), userUpdate("cleo@example.com", "003xx000004TmiSAAS"),
      userUpdate("dan@example.com", "003xx000004TmiTAAS"));

  @BeforeEach
  void token() {
    SalesforceStubs.tokenEndpoint("token-client-credentials.json");
  }

  @Test
  void aCollectionsAnswerOfMixedSuccessAndFailureIsSplitRecordByRecord(WireMockRuntimeInfo wm) {
    stubFor(patch(urlEqualTo(COLLECTIONS)).willReturn(json(200, fixture("collections/update-mixed.json"))));

    WriteResult result = SalesforceStubs.destination(wm).upsert(EntityLevel.USER, FOUR);

    assertThat(result.written()).containsExactly(Map.entry(EntityRef.user("ana@example.com"), "003xx000004TmiQAAS"));
    Map<String, RecordError> failed = byEmail(result);
    assertThat(failed.get("ben@example.com")).satisfies(e -> {
      assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
      assertThat(e.vendorCode()).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
      assertThat(e.message()).isEqualTo("PQL Score must be between 0 and 100 (fields: PQL_Score__c)");
    });
    assertThat(failed.get("cleo@example.com").category()).as("a locked row is worth a retry")
        .isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(failed.get("dan@example.com").category()).isEqualTo(ErrorCategory.NOT_FOUND);
    verify(patchRequestedFor(urlEqualTo(COLLECTIONS)).withRequestBody(equalToJson("""
        {"allOrNone":false,"records":[{"attributes":{"type":"Contact"},"id":"003xx000004TmiQAAS",
          "PQL_Status__c":"pql","PQL_Score__c":87,"PQL_Type__c":"hand_raiser",
          "PQL_Reasons__c":"Sent 2,400 messages\\nActivated 80 %","PQL_Activation_Pct__c":80.0,
          "PQL_Qualified_At__c":"2026-10-01T09:00:00Z","PQL_Evaluated_At__c":"2026-10-01T09:00:00Z"},
          {"attributes":{"type":"Contact"},"id":"003xx000004TmiRAAS"},{"attributes":{"type":"Contact"},"id":"003xx000004TmiSAAS"},
          {"attributes":{"type":"Contact"},"id":"003xx000004TmiTAAS"}]}""", true, true)));
  }

  @Test
  void fourHundredFiftyRecordsAreThreeCollectionCallsOfAtMostTwoHundred(WireMockRuntimeInfo wm) {
    stubFor(patch(urlEqualTo(COLLECTIONS)).willReturn(json(200, "[]")));
    List<PqlUpdate> updates = java.util.stream.IntStream.range(0, 450)
        .mapToObj(i -> userUpdate("u" + i + "@example.com", "003xx%012d".formatted(i))).toList();

    WriteResult result = SalesforceStubs.destination(wm).upsert(EntityLevel.USER, updates);

    assertThat(findAll(patchRequestedFor(urlEqualTo(COLLECTIONS)))).hasSize(3);
    assertThat(result.failed()).hasSize(450).allSatisfy(e -> assertThat(e.vendorCode()).isEqualTo("NO_RESULT"));
  }

  @Test
  void usersNotFoundBecomeLeadsWhenCreateMissingIsOn(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(COLLECTIONS)).willReturn(json(200, fixture("collections/create-leads.json"))));
    SalesforceDestination sf = SalesforceStubs.destination(new ConfigBuilder(wm).createMissing().build(),
        Clock.systemUTC());

    WriteResult result = sf.upsert(EntityLevel.USER, List.of(userUpdate("eve@example.com", null),
        userUpdate("fay@example.com", null)));

    assertThat(result.written()).containsExactly(Map.entry(EntityRef.user("eve@example.com"), "00Qxx000001abcEEAQ"));
    assertThat(result.failed()).singleElement().satisfies(e -> {
      assertThat(e.vendorCode()).isEqualTo("DUPLICATES_DETECTED");
      assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT);
    });
    verify(postRequestedFor(urlEqualTo(COLLECTIONS)).withRequestBody(equalToJson("""
        {"allOrNone":false,"records":[{"attributes":{"type":"Lead"},"Email":"eve@example.com","LastName":"eve",
          "Company":"example.com","PQL_Status__c":"pql"},{"attributes":{"type":"Lead"},"Email":"fay@example.com"}]}""",
        true, true)));
  }

  @Test
  void aBulkJobIsCreatedUploadedClosedPolledAndItsResultsMappedBack(WireMockRuntimeInfo wm) {
    stubBulkJob("job-complete.json", "failed-results.csv");
    SalesforceDestination sf = SalesforceStubs.destination(new ConfigBuilder(wm).bulkThreshold(4).build(),
        Clock.systemUTC());

    WriteResult result = sf.upsert(EntityLevel.USER, FOUR);

    assertThat(result.written()).containsOnlyKeys(EntityRef.user("ana@example.com"), EntityRef.user("ben@example.com"));
    Map<String, RecordError> failed = byEmail(result);
    assertThat(failed.get("cleo@example.com")).satisfies(e -> {
      assertThat(e.vendorCode()).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
      assertThat(e.message()).startsWith("PQL Score must be between 0 and 100");
    });
    assertThat(failed.get("dan@example.com").vendorCode()).isEqualTo(BulkWriter.UNPROCESSED);
    assertThat(failed.get("dan@example.com").category()).isEqualTo(ErrorCategory.TRANSIENT);
    verify(postRequestedFor(urlEqualTo(JOBS)).withRequestBody(equalToJson(
        "{\"object\":\"Contact\",\"operation\":\"update\",\"contentType\":\"CSV\",\"lineEnding\":\"LF\"}")));
    verify(putRequestedFor(urlEqualTo(JOB + "/batches")).withHeader("Content-Type", WireMock.containing("text/csv"))
        .withRequestBody(equalTo(BulkWriter.csv(FOUR))));
    verify(patchRequestedFor(urlEqualTo(JOB)).withRequestBody(equalToJson("{\"state\":\"UploadComplete\"}")));
    verify(2, getRequestedFor(urlEqualTo(JOB)));
    assertThat(BulkWriter.csv(FOUR)).startsWith("\"Id\",\"PQL_Status__c\",\"PQL_Score__c\",\"PQL_Type__c\","
        + "\"PQL_Reasons__c\",\"PQL_Activation_Pct__c\",\"PQL_Qualified_At__c\",\"PQL_Evaluated_At__c\"\n"
        + "\"003xx000004TmiQAAS\",\"pql\",\"87\",\"hand_raiser\",\"Sent 2,400 messages\nActivated 80 %\",\"80.0\"");
  }

  @Test
  void aFailedBulkJobLeavesItsUnresultedRecordsQueuedWithTheJobsMessage(WireMockRuntimeInfo wm) {
    stubBulkJob("job-failed.json", "no-results.csv");
    stubFor(get(urlEqualTo(JOB + "/successfulResults/")).willReturn(csv(fixture("bulk/no-results.csv"))));
    stubFor(get(urlEqualTo(JOB + "/unprocessedrecords/")).willReturn(csv(fixture("bulk/no-results.csv"))));
    SalesforceDestination sf = SalesforceStubs.destination(new ConfigBuilder(wm).bulkThreshold(4).build(),
        Clock.systemUTC());

    WriteResult result = sf.upsert(EntityLevel.USER, FOUR);

    assertThat(result.written()).isEmpty();
    assertThat(result.failed()).hasSize(4).allSatisfy(e -> {
      assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT);
      assertThat(e.message()).contains("ended Failed").contains("InvalidBatch : Field name not found");
    });
  }

  private static void stubBulkJob(String finalState, String failedResults) {
    stubFor(post(urlEqualTo(JOBS)).willReturn(json(200, fixture("bulk/job-open.json"))));
    stubFor(put(urlEqualTo(JOB + "/batches")).willReturn(WireMock.aResponse().withStatus(201)));
    stubFor(patch(urlEqualTo(JOB)).willReturn(json(200, fixture("bulk/job-upload-complete.json"))));
    stubFor(get(urlEqualTo(JOB)).inScenario("job").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
        .willReturn(json(200, fixture("bulk/job-in-progress.json"))));
    stubFor(get(urlEqualTo(JOB)).inScenario("job").whenScenarioStateIs("done")
        .willReturn(json(200, fixture("bulk/" + finalState))));
    stubFor(get(urlEqualTo(JOB + "/successfulResults/")).willReturn(csv(fixture("bulk/successful-results.csv"))));
    stubFor(get(urlEqualTo(JOB + "/failedResults/")).willReturn(csv(fixture("bulk/" + failedResults))));
    stubFor(get(urlEqualTo(JOB + "/unprocessedrecords/")).willReturn(csv(fixture("bulk/unprocessed-records.csv"))));
  }

  static Map<String, RecordError> byEmail(WriteResult result) {
    return result.failed().stream().collect(Collectors.toMap(e -> e.entity().id(), Function.identity()));
  }
}
