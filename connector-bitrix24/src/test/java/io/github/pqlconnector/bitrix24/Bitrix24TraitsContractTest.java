package io.github.pqlconnector.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.fixture;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.json;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.CrmTraitFields;
import io.github.pqlconnector.core.spi.TraitReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CRM fields of matched companies and contacts read as traits: {@code crm.item.list} by {@code @id} in one batch. */
@WireMockTest
class Bitrix24TraitsContractTest {
  private static final String BATCH = path("batch");
  private static final CrmTraitFields TRAITS = new CrmTraitFields(
      Map.of("employees", "employees", "industry", "industry", "revenue", "revenue", "seats", "UF_CRM_SEATS",
          "regions", "UF_CRM_REGIONS", "partner", "UF_CRM_PARTNER", "observers", "observers"),
      Map.of("lifecycle", "typeId", "title", "post", "score", "UF_CRM_PQL_SCORE", "email", "email"),
      Duration.ofDays(1));

  private final Bitrix24Stubs.FakeTime time = new Bitrix24Stubs.FakeTime();

  @Test
  void companiesAreReadByIdWithTheMappedFieldsAndComeBackByTraitName(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, fixture("traits/response-companies.json"))));

    Map<String, Map<String, String>> read = reader(wm).read(EntityLevel.ACCOUNT, List.of("31", "32", "33"));

    assertThat(read).as("company 33 is gone").containsOnlyKeys("31", "32");
    assertThat(read.get("31")).containsExactlyInAnyOrderEntriesOf(Map.of("employees", "EMPLOYEES_3",
        "industry", "IT", "revenue", "1500000", "seats", "120", "regions", "EU, US", "partner", "true"));
    assertThat(read.get("32")).as("empty, null and [] left out; 0 and N are values")
        .containsExactlyInAnyOrderEntriesOf(Map.of("revenue", "0", "partner", "false", "observers", "7, 9"));
    verify(1, postRequestedFor(urlEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.cmd.r0", containing(
        "crm.item.list?entityTypeId=4&useOriginalUfNames=Y&filter[%40id][0]=31&filter[%40id][1]=32"
            + "&filter[%40id][2]=33&select[0]=id&select[1]=UF_CRM_PARTNER&select[2]=UF_CRM_REGIONS"
            + "&select[3]=UF_CRM_SEATS&select[4]=employees&select[5]=industry&select[6]=observers"
            + "&select[7]=revenue"))));
  }

  @Test
  void contactsAreReadAsTheUserEntity(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, fixture("traits/response-contacts.json"))));

    Map<String, Map<String, String>> read = reader(wm).read(EntityLevel.USER, List.of("501", "502"));

    assertThat(read).isEqualTo(Map.of(
        "501", Map.of("lifecycle", "CLIENT", "title", "Head of Operations", "score", "87", "email", "ana@example.com"),
        "502", Map.of("lifecycle", "PARTNER")));
    verify(postRequestedFor(urlEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.cmd.r0", containing(
        "crm.item.list?entityTypeId=3&useOriginalUfNames=Y&filter[%40id][0]=501&filter[%40id][1]=502"
            + "&select[0]=id&select[1]=UF_CRM_PQL_SCORE&select[2]=email&select[3]=post&select[4]=typeId"))));
  }

  @Test
  void aQueryLimitAnswerIsRetriedAndTheReadCompletes(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(BATCH)).inScenario("limit").whenScenarioStateIs(STARTED).willSetStateTo("ok")
        .willReturn(json(503, fixture("errors/503-query-limit-exceeded.json"))));
    stubFor(post(urlEqualTo(BATCH)).inScenario("limit").whenScenarioStateIs("ok")
        .willReturn(json(200, fixture("traits/response-contacts.json"))));

    assertThat(reader(wm).read(EntityLevel.USER, List.of("501", "502"))).containsOnlyKeys("501", "502");
    verify(2, postRequestedFor(urlEqualTo(BATCH)));
    assertThat(time.slept()).as("backed off before the second ask").isPositive();
  }

  @Test
  void anOperatingTimeLimitWaitsForTheResetAndTheReadCompletes(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(BATCH)).inScenario("busy").whenScenarioStateIs(STARTED).willSetStateTo("ok")
        .willReturn(json(429, fixture("errors/429-operation-time-limit.json"))));
    stubFor(post(urlEqualTo(BATCH)).inScenario("busy").whenScenarioStateIs("ok")
        .willReturn(json(200, fixture("traits/response-companies.json"))));

    assertThat(reader(wm).read(EntityLevel.ACCOUNT, List.of("31"))).containsKey("31");
    verify(2, postRequestedFor(urlEqualTo(BATCH)));
  }

  @Test
  void refusedCredentialsFailTheReadAsAnAuthVendorError(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(BATCH)).willReturn(json(401, fixture("errors/401-invalid-credentials.json"))));
    TraitReader reader = reader(wm);

    assertThatThrownBy(() -> reader.read(EntityLevel.ACCOUNT, List.of("31")))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
          assertThat(e.getMessage()).doesNotContain(Bitrix24Stubs.CODE);
        });
  }

  @Test
  void withoutATraitsBlockThereIsNoReaderAndALevelWithoutFieldsReadsNothing(WireMockRuntimeInfo wm) {
    try (Bitrix24Destination plain = Bitrix24Stubs.destination(wm, time)) {
      assertThat(plain.traitReader()).isEmpty();
    }
    CrmTraitFields accountsOnly = new CrmTraitFields(Map.of("industry", "industry"), null, null);
    TraitReader reader = destination(wm, accountsOnly).traitReader().orElseThrow();

    assertThat(reader.fields()).isEqualTo(accountsOnly);
    assertThat(reader.read(EntityLevel.USER, List.of("501"))).isEmpty();
    verify(0, postRequestedFor(urlEqualTo(BATCH)));
  }

  private TraitReader reader(WireMockRuntimeInfo wm) {
    return destination(wm, TRAITS).traitReader().orElseThrow();
  }

  private Bitrix24Destination destination(WireMockRuntimeInfo wm, CrmTraitFields traits) {
    return Bitrix24Stubs.destination(new Bitrix24Config(new Secret(Bitrix24Stubs.webhookUrl(wm)), null, null, null,
        null, false, null, null, null, traits), time);
  }
}
