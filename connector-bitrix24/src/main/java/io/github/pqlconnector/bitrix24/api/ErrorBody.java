package io.github.pqlconnector.bitrix24.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code {"error":"CODE","error_description":"text"}}. Some methods send {@code "error":""} with several messages in
 * the description (crm-contact-userfield-add.md), so the status decides when the code is empty.
 */
public record ErrorBody(@Nullable String error, @JsonProperty("error_description") @Nullable String description,
    @Nullable ResponseTime time) {

  public static ErrorBody empty() {
    return new ErrorBody(null, null, null);
  }

  public String code() {
    return error == null ? "" : error;
  }
}
