package io.github.pqlconnector.core.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one {@code ObjectMapper} for every vendor's wire format, kept apart from the strict config mapper so a vendor
 * quirk never changes how config or state is read. Reading is tolerant, because vendors add fields and bend shapes:
 * unknown fields are ignored, a single value reads as a one-element list (HubSpot error {@code context} values), an
 * empty array reads as a null object (Bitrix24 answers an empty map as {@code []}). Writing leaves {@code null} fields
 * out, so optional request fields are absent rather than null; times are ISO-8601 strings.
 */
public final class WireJson {
  private WireJson() {}

  /** A new mapper with the settings above; configure nothing else on it. */
  public static ObjectMapper create() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .enable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
            JsonInclude.Include.USE_DEFAULTS))
        .build();
  }
}
