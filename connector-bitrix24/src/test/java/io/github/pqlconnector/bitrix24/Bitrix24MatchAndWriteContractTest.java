package io.github.pqlconnector.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.fixture;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.json;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.path;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.userUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.TaskPolicy;
import io.github.pqlconnector.core.spi.WriteResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Matching with findbycomm and filtered lists, writes in one batch with per-command errors, against WireMock. */
@WireMockTest
class Bitrix24MatchAndWriteContractTest {
  private static final String BATCH = path("batch");
  private final Bitrix24Stubs.FakeTime time = new Bitrix24Stubs.FakeTime();

  @Test
  void usersAreFoundWithOneFindByCommandPerEmailInOneBatchAndTheirOwnersInOneList(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, fixture("batch/response-findbycomm.json"))));
    stubFor(post(urlEqualTo(path("crm.item.list"))).willReturn(json(200, fixture("items/response-owners.json"))));
    Bitrix24Destination destination = Bitrix24Stubs.destination(
        Bitrix24Stubs.config(wireMock, false, new TaskPolicy(List.of("pql"), null, "record", "1")), time);

    MatchResult result = destination.match(EntityLevel.USER, List.of(new MatchKey("email", "Ana@Example.com"),
        new MatchKey("email", "bo@example.com"), new MatchKey("email", "cy+test@example.com")));

    assertThat(result.found()).containsOnly(Map.entry("Ana@Example.com", new CrmRecord("275", "6")),
        Map.entry("cy+test@example.com", new CrmRecord("311", "1")));
    verify(1, postRequestedFor(urlEqualTo(BATCH)).withRequestBody(equalToJson(fixture("batch/request-findbycomm.json"))));
    verify(1, postRequestedFor(urlEqualTo(path("crm.item.list")))
        .withRequestBody(equalToJson(fixture("items/request-owners.json"))));
  }

  @Test
  void withoutOwnerTasksNoOwnerListIsRead(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, fixture("batch/response-findbycomm.json"))));
    Bitrix24Destination destination = Bitrix24Stubs.destination(Bitrix24Stubs.config(wireMock, false, null), time);

    MatchResult result = destination.match(EntityLevel.USER, List.of(new MatchKey("email", "ana@example.com")));

    assertThat(result.found()).containsOnly(Map.entry("ana@example.com", new CrmRecord("275", null)));
    verify(0, postRequestedFor(urlEqualTo(path("crm.item.list"))));
  }

  @Test
  void accountsAreFoundByTheDomainFieldAcrossPagesOldestFirst(WireMockRuntimeInfo wireMock) {
    String list = path("crm.item.list");
    stubFor(post(urlEqualTo(list)).withRequestBody(notContaining("\"start\""))
        .willReturn(json(200, fixture("items/response-companies-page1.json"))));
    stubFor(post(urlEqualTo(list)).withRequestBody(matchingJsonPath("$.start", equalToJson("50")))
        .willReturn(json(200, fixture("items/response-companies-page2.json"))));
    Bitrix24Destination destination = Bitrix24Stubs.destination(
        Bitrix24Stubs.fieldConfig(wireMock, "UF_CRM_PQL_DOMAIN"), time);

    MatchResult result = destination.match(EntityLevel.ACCOUNT, List.of(new MatchKey("domain", "acme.example"),
        new MatchKey("domain", "globex.example"), new MatchKey("domain", "initech.example")));

    assertThat(result.found()).containsOnly(Map.entry("acme.example", new CrmRecord("41", "6")),
        Map.entry("globex.example", new CrmRecord("57", "1")));
    verify(1, postRequestedFor(urlEqualTo(list)).withRequestBody(equalToJson(fixture("items/request-companies.json"))));
    verify(2, postRequestedFor(urlEqualTo(list)));
  }

  @Test
  void aWriteIsOneBatchAndEachCommandsErrorIsThatRecordsFailure(WireMockRuntimeInfo wireMock) {
    stubEnumFields();
    stubFor(post(urlEqualTo(BATCH)).withRequestBody(containing("crm.item.update"))
        .willReturn(json(200, fixture("batch/response-write-mixed.json"))));
    Bitrix24Destination destination = Bitrix24Stubs.destination(wireMock, time);
    List<PqlUpdate> updates = List.of(userUpdate("u0@example.com", "501"), userUpdate("u1@example.com", "502"),
        userUpdate("u2@example.com", "503"), userUpdate("u3@example.com", "504"), userUpdate("u4@example.com", "505"));

    WriteResult result = destination.upsert(EntityLevel.USER, updates);

    assertThat(result.written()).containsOnly(Map.entry(EntityRef.user("u0@example.com"), "501"),
        Map.entry(EntityRef.user("u1@example.com"), "502"));
    assertThat(result.failed()).extracting(RecordError::entity, RecordError::category, RecordError::vendorCode)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(EntityRef.user("u2@example.com"), ErrorCategory.PERMISSION,
                "ACCESS_DENIED"),
            org.assertj.core.groups.Tuple.tuple(EntityRef.user("u3@example.com"), ErrorCategory.INVALID_REQUEST,
                "CRM_FIELD_ERROR_VALUE_NOT_VALID"),
            org.assertj.core.groups.Tuple.tuple(EntityRef.user("u4@example.com"), ErrorCategory.NOT_FOUND,
                "NOT_FOUND"));
    verify(1, postRequestedFor(urlEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.cmd.w0", equalTo(
        "crm.item.update?entityTypeId=3&id=501&useOriginalUfNames=Y&fields[UF_CRM_PQL_STATUS]=61"
        + "&fields[UF_CRM_PQL_SCORE]=87&fields[UF_CRM_PQL_TYPE]=72"
        + "&fields[UF_CRM_PQL_REASONS]=Sent+2%2C400+messages%0AActivated+80+%25&fields[UF_CRM_PQL_ACTIV_PCT]=80"
        + "&fields[UF_CRM_PQL_QUALIFIED]=2026-11-30T12%3A00%3A00%2B00%3A00"
        + "&fields[UF_CRM_PQL_EVALUATED]=2026-11-30T12%3A00%3A00%2B00%3A00"))));
  }

  @Test
  void aBatchWhereEveryCommandFailedFailsEveryRecord(WireMockRuntimeInfo wireMock) {
    stubEnumFields();
    stubFor(post(urlEqualTo(BATCH)).withRequestBody(containing("crm.item.update"))
        .willReturn(json(200, fixture("batch/response-all-failed.json"))));
    Bitrix24Destination destination = Bitrix24Stubs.destination(wireMock, time);

    WriteResult result = destination.upsert(EntityLevel.USER,
        List.of(userUpdate("u0@example.com", "501"), userUpdate("u1@example.com", "502")));

    assertThat(result.written()).isEmpty();
    assertThat(result.failed()).hasSize(2).allSatisfy(e -> assertThat(e.category()).isEqualTo(ErrorCategory.PERMISSION));
  }

  @Test
  void recordsNotFoundAreAddedWithTheirEmailWhenCreateMissing(WireMockRuntimeInfo wireMock) {
    stubEnumFields();
    stubFor(post(urlEqualTo(BATCH)).withRequestBody(containing("crm.item.add"))
        .willReturn(json(200, fixture("batch/response-write-mixed.json"))));

    WriteResult created = Bitrix24Stubs.destination(Bitrix24Stubs.config(wireMock, true, null), time)
        .upsert(EntityLevel.USER, List.of(userUpdate("new@example.com", null)));

    assertThat(created.written()).containsOnly(Map.entry(EntityRef.user("new@example.com"), "501"));
    verify(1, postRequestedFor(urlEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.cmd.w0", containing(
        "&fields[name]=new%40example.com&fields[fm][0][typeId]=EMAIL&fields[fm][0][valueType]=WORK"
        + "&fields[fm][0][value]=new%40example.com"))));
  }

  private static void stubEnumFields() {
    stubFor(post(urlEqualTo(BATCH)).withRequestBody(containing("userfield.list"))
        .willReturn(json(200, fixture("batch/response-enum-fields-contact.json"))));
  }
}
