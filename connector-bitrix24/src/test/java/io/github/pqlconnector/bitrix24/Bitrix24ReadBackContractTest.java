package io.github.pqlconnector.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.fixture;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.json;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.sync.FieldComparison;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading the PQL user fields back with {@code crm.item.list} by {@code @id} in one batch, for reconciliation. */
@WireMockTest
class Bitrix24ReadBackContractTest {
  private static final String BATCH = path("batch");

  @BeforeEach
  void stubs() {
    stubFor(post(urlEqualTo(BATCH)).withRequestBody(containing("userfield.list"))
        .willReturn(json(200, fixture("batch/response-enum-fields-contact.json"))));
    stubFor(post(urlEqualTo(BATCH)).withRequestBody(containing("crm.item.list"))
        .willReturn(json(200, fixture("batch/response-read-back.json"))));
  }

  @Test
  void readsByIdMapsEnumerationItemsBackToCodesAndCountsAMissingIdAsGone(WireMockRuntimeInfo wm) {
    Map<String, PqlFields> held;
    try (Bitrix24Destination bitrix = Bitrix24Stubs.destination(wm, new Bitrix24Stubs.FakeTime())) {
      held = bitrix.readFields(EntityLevel.USER, List.of("501", "502", "503", "504"));
    }

    assertThat(held).containsOnlyKeys("501", "502", "504");
    assertThat(held.get("501")).isEqualTo(new PqlFields("pql", 87, "hand_raiser",
        List.of("Sent 2,400 messages", "Activated 80 %"), 80.0, Bitrix24Stubs.EVALUATED, Bitrix24Stubs.EVALUATED));
    assertThat(held.get("502").status()).isEqualTo("cold");
    assertThat(held.get("504")).isEqualTo(new PqlFields("warm", 55, null, List.of("Active 9 of 14 days"), 33.3, null,
        Bitrix24Stubs.EVALUATED));
    verify(1, postRequestedFor(urlEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.cmd.r0",
        containing("crm.item.list?entityTypeId=3&useOriginalUfNames=Y&filter[%40id][0]=501&filter[%40id][1]=502"
            + "&filter[%40id][2]=503&filter[%40id][3]=504&select[0]=id&select[1]=UF_CRM_PQL_STATUS"))));
  }

  @Test
  void untouchedRecordsCompareEqualAtThePortalsPrecisionAndAnEditedOneDoesNot(WireMockRuntimeInfo wm) {
    PqlFields written = Bitrix24Stubs.userUpdate("ana@example.com", "501").fields();
    PqlFields customType = new PqlFields("warm", 55, "trial_expiring", List.of("Active 9 of 14 days"), 33.333, null,
        Bitrix24Stubs.EVALUATED.plusMillis(250));
    try (Bitrix24Destination bitrix = Bitrix24Stubs.destination(wm, new Bitrix24Stubs.FakeTime())) {
      Map<String, PqlFields> held = bitrix.readFields(EntityLevel.USER, List.of("501", "502", "504"));
      assertThat(FieldComparison.same(held.get("501"), bitrix.asStored(written))).isTrue();
      assertThat(FieldComparison.same(held.get("502"), bitrix.asStored(written))).isFalse();
      assertThat(FieldComparison.same(held.get("504"), bitrix.asStored(customType)))
          .as("a type the enumeration lacks is written empty; 33.333 %% is kept as 33.3").isTrue();
    }
  }

  @Test
  void upToFiftyIdsGoInOneListCommandAndFiftyCommandsInOneBatch(WireMockRuntimeInfo wm) {
    List<String> ids = IntStream.range(0, 120).mapToObj(i -> Integer.toString(1000 + i)).toList();
    try (Bitrix24Destination bitrix = Bitrix24Stubs.destination(wm, new Bitrix24Stubs.FakeTime())) {
      assertThat(bitrix.readBatchSize()).isEqualTo(2_500);
      bitrix.readFields(EntityLevel.USER, ids);
    }
    verify(1, postRequestedFor(urlEqualTo(BATCH)).withRequestBody(containing("crm.item.list")));
    verify(postRequestedFor(urlEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.cmd.r2",
        containing("filter[%40id][19]=1119"))));
  }
}
