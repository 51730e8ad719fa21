package io.github.pqlconnector.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.hubspot.HubSpotDestinations.fixture;
import static io.github.pqlconnector.hubspot.HubSpotMatchAndTasksContractTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.sync.FieldComparison;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Reading the PQL properties back by record id, for reconciliation. */
@WireMockTest
class HubSpotReadBackContractTest {
  private static final String READ = "/crm/v3/objects/contacts/batch/read";

  @Test
  void readsByIdAndCountsMissingAndMergedIdsAsGone(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(READ)).willReturn(json(207, fixture("batch-read/response-pql-by-id.json"))));

    Map<String, PqlFields> held;
    try (HubSpotDestination hubspot = HubSpotDestinations.destination(wireMock)) {
      held = hubspot.readFields(EntityLevel.USER, List.of("512", "513", "514", "515"));
    }

    assertThat(held).containsOnlyKeys("512", "513");
    assertThat(held.get("513").status()).isEqualTo("cold");
    verify(1, postRequestedFor(urlEqualTo(READ)).withRequestBody(equalToJson("""
        {"inputs":[{"id":"512"},{"id":"513"},{"id":"514"},{"id":"515"}],
         "properties":["pql_status","pql_score","pql_type","pql_reasons","pql_activation_pct","pql_qualified_at",
           "pql_evaluated_at"],"propertiesWithHistory":[]}""")));
  }

  @Test
  void anUntouchedRecordComparesEqualToWhatWasWrittenAndAnOverwrittenOneDoesNot(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(READ)).willReturn(json(207, fixture("batch-read/response-pql-by-id.json"))));
    PqlFields written = HubSpotDestinations.userUpdate("ana@example.com", "512").fields();

    try (HubSpotDestination hubspot = HubSpotDestinations.destination(wireMock)) {
      Map<String, PqlFields> held = hubspot.readFields(EntityLevel.USER, List.of("512", "513"));
      assertThat(held.get("512")).isEqualTo(new PqlFields("pql", 87, "hand_raiser",
          List.of("Sent 2,400 messages", "Activated 80 %"), 80.0, HubSpotDestinations.EVALUATED,
          HubSpotDestinations.EVALUATED));
      assertThat(FieldComparison.same(held.get("512"), hubspot.asStored(written))).isTrue();
      assertThat(FieldComparison.same(held.get("513"), hubspot.asStored(written))).isFalse();
    }
  }

  @Test
  void moreIdsThanOneBatchAreReadInCallsOfAHundred(WireMockRuntimeInfo wireMock) {
    stubFor(post(urlEqualTo(READ)).willReturn(json(200, fixture("batch-read/response-pql-by-id.json"))));
    List<String> ids = IntStream.range(0, 150).mapToObj(i -> Integer.toString(1000 + i)).toList();

    try (HubSpotDestination hubspot = HubSpotDestinations.destination(wireMock)) {
      assertThat(hubspot.readFields(EntityLevel.USER, ids)).isEmpty();
    }
    verify(2, postRequestedFor(urlEqualTo(READ)));
  }
}
