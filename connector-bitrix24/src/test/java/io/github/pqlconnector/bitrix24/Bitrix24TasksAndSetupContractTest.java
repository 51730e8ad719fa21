package io.github.pqlconnector.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.fixture;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.json;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.SetupReport;
import io.github.pqlconnector.core.spi.TaskRequest;
import io.github.pqlconnector.core.spi.TaskResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** To-dos idempotent by their key, and setup that creates only what is missing, against WireMock. */
@WireMockTest
class Bitrix24TasksAndSetupContractTest {
  private static final String KEY = "user:u1:2026-11-30T12:00:00Z";
  private static final TaskRequest REQUEST = new TaskRequest(KEY, EntityRef.user("ana@example.com"), "501", "7",
      "PQL: ana@example.com — Sent 2,400 messages", "Sent 2,400 messages (≥ 2,000)",
      Instant.parse("2026-12-01T12:00:00Z"));
  private final Bitrix24Stubs.FakeTime time = new Bitrix24Stubs.FakeTime();

  /** Setup with the connector's own domain field as the match key, the only case it creates UF_CRM_PQL_DOMAIN. */
  private Bitrix24Destination withDomainField(WireMockRuntimeInfo wireMock) {
    return Bitrix24Stubs.destination(Bitrix24Stubs.fieldConfig(wireMock, Bitrix24Fields.DOMAIN), time);
  }

  @Test
  void aToDoIsAddedOnTheRecordWithItsKeyInTheDescription(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(path("crm.activity.list"))).willReturn(json(200, fixture("activities/response-other.json"))));
    stubFor(post(urlEqualTo(path("crm.activity.todo.add"))).willReturn(json(200, fixture("todo/response.json"))));

    TaskResult result = Bitrix24Stubs.destination(wireMock, time).createTask(REQUEST);

    assertThat(result).isEqualTo(new TaskResult("999", false));
    verify(1, postRequestedFor(urlEqualTo(path("crm.activity.list")))
        .withRequestBody(equalToJson(fixture("activities/request-owner.json"))));
    verify(1, postRequestedFor(urlEqualTo(path("crm.activity.todo.add")))
        .withRequestBody(equalToJson(fixture("todo/request.json"))));
  }

  @Test
  void aToDoCarryingTheKeyIsReturnedAndNoSecondIsAdded(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(path("crm.activity.list")))
        .willReturn(json(200, fixture("activities/response-with-marker.json"))));

    TaskResult result = Bitrix24Stubs.destination(wireMock, time).createTask(REQUEST);

    assertThat(result).isEqualTo(new TaskResult("20", true));
    verify(0, postRequestedFor(urlEqualTo(path("crm.activity.todo.add"))));
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
