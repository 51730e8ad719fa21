package io.github.pqlconnector.hubspot.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pqlconnector.core.http.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire mapper: what is left out of requests, and what responses may lack or add without failing a run. */
class HubSpotWireJsonTest {
  private final ObjectMapper json = WireJson.create();

  @Test
  void readingByRecordIdSendsNoIdProperty() throws JsonProcessingException {
    String body = json.writeValueAsString(BatchReadRequest.byIds(List.of("512"), List.of("email")));

    assertThat(body).isEqualTo("{\"inputs\":[{\"id\":\"512\"}],\"properties\":[\"email\"],\"propertiesWithHistory\":[]}");
  }

  @Test
  void aBatchResponseWithOnlyAStatusReadsAsEmpty() throws JsonProcessingException {
    BatchResponse batch = json.readValue("{\"status\":\"COMPLETE\",\"somethingNew\":{\"a\":1}}", BatchResponse.class);

    assertThat(batch.results()).isEmpty();
    assertThat(batch.errors()).isEmpty();
    assertThat(batch.hasErrors()).isFalse();
  }

  @Test
  void errorContextToleratesSingleValuesNullsAndAnObjectSubCategory() throws JsonProcessingException {
    StandardError error = json.readValue("{\"category\":\"VALIDATION_ERROR\",\"subCategory\":{\"x\":\"y\"},"
        + "\"context\":{\"ids\":\"ana@example.com\",\"other\":[null,\"b\"]},\"errors\":[null]}", StandardError.class);

    assertThat(error.context()).containsEntry("ids", List.of("ana@example.com")).containsEntry("other", List.of("b"));
    assertThat(error.errors()).isEmpty();
    assertThat(error.subCategory().path("x").asText()).isEqualTo("y");
  }
}
