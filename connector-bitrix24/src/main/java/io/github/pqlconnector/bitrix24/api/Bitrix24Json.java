package io.github.pqlconnector.bitrix24.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The {@code ObjectMapper} for Bitrix24's wire format, apart from the connector's own: unknown fields are ignored (the
 * API adds fields), {@code null} request fields are left out, and an empty array where an object is declared reads
 * as null (Bitrix24 answers an empty map as {@code []}).
 */
public final class Bitrix24Json {
  private Bitrix24Json() {}

  public static ObjectMapper create() {
    return JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
            JsonInclude.Include.USE_DEFAULTS))
        .build();
  }
}
