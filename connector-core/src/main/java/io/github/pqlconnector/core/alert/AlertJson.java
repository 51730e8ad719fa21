package io.github.pqlconnector.core.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Alerts as JSON: the queued payload and the webhook's body (times as ISO-8601 text). */
final class AlertJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private AlertJson() {}

  static ObjectMapper mapper() {
    return MAPPER;
  }

  static String write(Alert alert) {
    try {
      return MAPPER.writeValueAsString(alert);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an alert cannot be written as JSON", e);
    }
  }

  static Alert read(String json) {
    try {
      return MAPPER.readValue(json, Alert.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a queued alert is not readable JSON", e);
    }
  }
}
