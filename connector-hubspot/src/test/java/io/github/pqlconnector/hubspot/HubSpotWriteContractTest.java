package io.github.pqlconnector.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.pqlconnector.hubspot.HubSpotDestinations.EVALUATED;
import static io.github.pqlconnector.hubspot.HubSpotDestinations.userUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.WriteResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Writing PQL properties: batches of at most 100, 207 per-input errors as RecordErrors, every input accounted for. */
@WireMockTest
class HubSpotWriteContractTest {
  private static final String UPDATE = "/crm/v3/objects/contacts/batch/update";
  private static final Set<Integer> REFUSED = Set.of(3, 42);

  @Test
  void hundredFiftyContactsTakeTwoCallsAndTwoRefusedInputsBecomeRecordErrors(WireMockRuntimeInfo wireMock)
      throws Exception {
    stubFor(post(urlEqualTo(UPDATE)).inScenario("writes").whenScenarioStateIs(STARTED).willSetStateTo("second")
        .willReturn(aResponse().withStatus(207).withHeader("Content-Type", "application/json")
            .withBody(response(0, 100))));
    stubFor(post(urlEqualTo(UPDATE)).inScenario("writes").whenScenarioStateIs("second")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(response(100, 150))));
    List<PqlUpdate> updates = IntStream.range(0, 150).mapToObj(i -> userUpdate("u" + i + "@example.com",
        Integer.toString(1000 + i))).toList();

    WriteResult total = writeInBatches(HubSpotDestinations.destination(wireMock), updates);

    List<LoggedRequest> calls = findAll(postRequestedFor(urlEqualTo(UPDATE)));
    assertThat(calls).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(calls.get(0).getBodyAsString());
    assertThat(first.get("inputs")).hasSize(100);
    assertThat(new ObjectMapper().readTree(calls.get(1).getBodyAsString()).get("inputs")).hasSize(50);
    JsonNode input = first.get("inputs").get(0);
    assertThat(input.get("id").asText()).isEqualTo("1000");
    assertThat(input.has("idProperty")).isFalse();
    assertThat(input.get("objectWriteTraceId").asText()).isEqualTo("user:u0@example.com");
    assertThat(input.get("properties").get("pql_status").asText()).isEqualTo("pql");
    assertThat(input.get("properties").get("pql_reasons").asText()).isEqualTo("Sent 2,400 messages\nActivated 80 %");
    assertThat(input.get("properties").get("pql_evaluated_at").asText())
        .isEqualTo(Long.toString(EVALUATED.toEpochMilli()));

    assertThat(total.written()).hasSize(148).containsEntry(EntityRef.user("u0@example.com"), "1000")
        .doesNotContainKeys(EntityRef.user("u3@example.com"), EntityRef.user("u42@example.com"));
    Map<EntityRef, RecordError> failed = total.failed().stream()
        .collect(Collectors.toMap(RecordError::entity, e -> e));
    assertThat(failed).hasSize(2);
    RecordError invalid = failed.get(EntityRef.user("u3@example.com"));
    assertThat(invalid.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(invalid.vendorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(invalid.message()).isEqualTo("Property values were not valid: pql_type");
    assertThat(failed.get(EntityRef.user("u42@example.com")).vendorCode()).isEqualTo("OBJECT_NOT_FOUND");
  }

  /** Splits as the sync engine does, by the destination's declared maximum, and merges the results. */
  static WriteResult writeInBatches(HubSpotDestination destination, List<PqlUpdate> updates) {
    int max = destination.capabilities().maxBatchSize();
    Map<EntityRef, String> written = new HashMap<>();
    List<RecordError> failed = new ArrayList<>();
    for (int from = 0; from < updates.size(); from += max) {
      WriteResult part = destination.upsert(EntityLevel.USER,
          updates.subList(from, Math.min(updates.size(), from + max)));
      written.putAll(part.written());
      failed.addAll(part.failed());
    }
    return new WriteResult(written, failed);
  }

  /** HubSpot's answer for inputs {@code from..to}: results for all but the refused ones, which get an error each. */
  private static String response(int from, int to) {
    String results = IntStream.range(from, to).filter(i -> !REFUSED.contains(i))
        .mapToObj(i -> """
            {"id":"%d","properties":{"pql_status":"pql"},"archived":false,"objectWriteTraceId":"user:u%d@example.com",
             "createdAt":"2026-01-12T08:30:17.883Z","updatedAt":"2026-10-01T09:00:01Z"}""".formatted(1000 + i, i))
        .collect(Collectors.joining(","));
    boolean refusing = from <= 3 && to > 42;
    String errors = !refusing ? "" : """
        ,"numErrors":2,"errors":[
         {"status":"error","category":"VALIDATION_ERROR","message":"Property values were not valid: pql_type",
          "context":{"ids":["1003"]},"errors":[],"links":{}},
         {"status":"error","category":"OBJECT_NOT_FOUND","message":"Object not found. objectId are usually numeric.",
          "context":{"ids":["1042"]},"errors":[],"links":{}}]""";
    return """
        {"status":"COMPLETE","results":[%s]%s,"requestedAt":"2026-10-01T09:00:00.900Z",
         "startedAt":"2026-10-01T09:00:00.910Z","completedAt":"2026-10-01T09:00:01.050Z"}""".formatted(results, errors);
  }
}
