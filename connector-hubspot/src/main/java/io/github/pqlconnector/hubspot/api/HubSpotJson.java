package io.github.pqlconnector.hubspot.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The {@code ObjectMapper} for HubSpot's wire format, kept apart from the connector's own mapper so a HubSpot quirk
 * never changes how config or state is read. Reading tolerates fields HubSpot adds, and a single string where a list
 * of strings is declared (error {@code context} values); writing leaves out {@code null} fields, so optional request
 * fields such as {@code idProperty} are simply absent; times are ISO-8601 strings.
 */
public final class HubSpotJson {
  private HubSpotJson() {}

  /** A new mapper with the settings above; configure nothing else on it. */
  public static ObjectMapper create() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
        .build();
  }
}
