package io.github.pqlconnector.salesforce.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The mapper for Salesforce's wire format, apart from the connector's config mapper: unknown response fields are
 * ignored (Salesforce adds fields between versions), {@code null} request fields are left out.
 */
public final class SalesforceJson {
  private SalesforceJson() {}

  public static ObjectMapper create() {
    return JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
            JsonInclude.Include.USE_DEFAULTS))
        .build();
  }
}
