package io.github.pqlconnector.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.fixture;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.json;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.SetupReport;
import io.github.pqlconnector.core.spi.TaskBatchResult;
import io.github.pqlconnector.core.spi.TaskRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** To-dos idempotent by their key, and setup that creates only what is missing, against WireMock. */
@WireMockTest
class Bitrix24TasksAndSetupContractTest {
  private static final String K1 = "5d41402abc4b2a76b9719d911017c592ae3f0b1e7a4c59c2e5d4a01f8a3b1c01";
  private static final String K2 = "7c222fb2927d828af22f592134e8932480637c0d2c4f8e3b8b0e5e0b2a71d402";
  private static final Instant DUE = Instant.parse("2026-12-01T12:00:00Z");
  private static final TaskRequest ANA = new TaskRequest(K1, EntityRef.user("ana@example.com"), "501", "7",
      "PQL: ana@example.com", "Sent 2,400 messages", DUE);
  private static final TaskRequest ACME = new TaskRequest(K2, EntityRef.account("acme.example"), "77", null,
      "PQL: acme.example", "Seats 12", DUE);
  private final Bitrix24Stubs.FakeTime time = new Bitrix24Stubs.FakeTime();

  /** Setup with the connector's own domain field as the match key, the only case it creates UF_CRM_PQL_DOMAIN. */
  private Bitrix24Destination withDomainField(WireMockRuntimeInfo wireMock) {
    return Bitrix24Stubs.destination(Bitrix24Stubs.fieldConfig(wireMock, Bitrix24Fields.DOMAIN), time);
  }

  @Test
  void toDosAreFoundByTheirMarkerWithOneListCommandEachInOneBatch(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(path("batch"))).willReturn(json(200, fixture("tasks/response-find-one.json"))));

    Map<String, String> found = Bitrix24Stubs.destination(wireMock, time).findTasks(List.of(ANA, ACME));

    assertThat(found).containsExactly(Map.entry(K1, "20"));
    verify(1, postRequestedFor(urlEqualTo(path("batch"))).withRequestBody(equalToJson(fixture("tasks/request-find.json"))));
  }

  @Test
  void toDosAreAddedInOneBatchAndARefusedOneIsData(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(path("batch"))).willReturn(json(200, fixture("tasks/response-create-partial.json"))));

    TaskBatchResult result = Bitrix24Stubs.destination(wireMock, time).createTasks(List.of(ANA, ACME));

    assertThat(result.created()).containsExactly(Map.entry(K1, "999"));
    assertThat(result.failed()).containsOnlyKeys(K2);
    assertThat(result.failed().get(K2).vendorCode()).isEqualTo("NOT_FOUND");
    assertThat(result.failed().get(K2).category()).isEqualTo(ErrorCategory.NOT_FOUND);
    verify(1, postRequestedFor(urlEqualTo(path("batch")))
        .withRequestBody(equalToJson(fixture("tasks/request-create.json"))));
  }

  @Test
  void aBatchOfAddsAppliedButAnsweredWithAResetIsNotSentAgainAndTheToDosAreFound(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(path("batch"))).withRequestBody(containing("crm.activity.list")).inScenario("lost")
        .whenScenarioStateIs(STARTED).willReturn(json(200, fixture("tasks/response-find-none.json"))));
    stubFor(post(urlEqualTo(path("batch"))).withRequestBody(containing("crm.activity.todo.add")).inScenario("lost")
        .willSetStateTo("applied").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    stubFor(post(urlEqualTo(path("batch"))).withRequestBody(containing("crm.activity.list")).inScenario("lost")
        .whenScenarioStateIs("applied").willReturn(json(200, fixture("tasks/response-find-both.json"))));
    Bitrix24Destination destination = Bitrix24Stubs.destination(wireMock, time);

    assertThat(destination.findTasks(List.of(ANA, ACME))).isEmpty();
    assertThatThrownBy(() -> destination.createTasks(List.of(ANA, ACME)))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(destination.findTasks(List.of(ANA, ACME))).containsOnly(Map.entry(K1, "20"), Map.entry(K2, "21"));
    verify(1, postRequestedFor(urlEqualTo(path("batch"))).withRequestBody(containing("crm.activity.todo.add")));
  }

  @Test
  void setupCreatesWhatIsMissingReportsAWrongTypeAndLeavesTheRightOnesAlone(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(path("batch"))).withRequestBody(containing("userfield.list"))
        .willReturn(json(200, fixture("batch/response-setup-existing.json"))));
    stubFor(post(urlMatching(path("crm\\.(contact|company)\\.userfield\\.add")))
        .willReturn(json(200, fixture("userfields/response-add.json"))));

    SetupReport report = withDomainField(wireMock).ensureFields(false);

    assertThat(report.unchanged()).containsExactly("contact.UF_CRM_PQL_STATUS");
    assertThat(report.problems()).singleElement().asString()
        .startsWith("contact.UF_CRM_PQL_SCORE: exists with type 'string', expected 'double'");
    assertThat(report.created()).hasSize(13).contains("company.UF_CRM_PQL_STATUS", "company.UF_CRM_PQL_DOMAIN");
    verify(13, postRequestedFor(urlMatching(path("crm\\.(contact|company)\\.userfield\\.add"))));
    verify(1, postRequestedFor(urlEqualTo(path("crm.company.userfield.add")))
        .withRequestBody(equalToJson(fixture("userfields/request-add-status.json"))));
  }

  @Test
  void aDryRunCreatesNothing(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(path("batch"))).withRequestBody(containing("userfield.list"))
        .willReturn(json(200, fixture("batch/response-setup-existing.json"))));

    SetupReport report = withDomainField(wireMock).ensureFields(true);

    assertThat(report.created()).hasSize(13);
    verify(0, postRequestedFor(urlMatching(path("crm\\..*\\.userfield\\.add"))));
  }

  @Test
  void aRefusedCreateIsReportedWithBitrix24sExplanation(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(path("batch"))).withRequestBody(containing("userfield.list"))
        .willReturn(json(200, fixture("batch/response-setup-existing.json"))));
    stubFor(post(urlMatching(path("crm\\..*\\.userfield\\.add")))
        .willReturn(json(400, fixture("errors/400-userfield-add-empty-code.json"))));

    SetupReport report = withDomainField(wireMock).ensureFields(false);

    assertThat(report.created()).isEmpty();
    assertThat(report.problems()).hasSize(14).anySatisfy(p -> assertThat(p)
        .contains("company.UF_CRM_PQL_DOMAIN: not created").contains("The 'USER_TYPE_ID' field is not found."));
  }
}
