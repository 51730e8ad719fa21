package io.github.pqlconnector.salesforce.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The token endpoint's answer for every grant: {@code access_token}, {@code instance_url} (where every later call
 * goes), {@code id}, {@code token_type}, {@code issued_at}, {@code scope}, {@code signature}. No {@code expires_in}:
 * the session lasts as the org's session policy says. Its {@code toString} never shows the token.
 */
public record TokenResponse(@JsonProperty("access_token") @Nullable String accessToken,
    @JsonProperty("instance_url") @Nullable String instanceUrl, @JsonProperty("token_type") @Nullable String tokenType,
    @JsonProperty("issued_at") @Nullable String issuedAt) {

  @Override
  public String toString() {
    return "TokenResponse[instanceUrl=" + instanceUrl + ", accessToken=******]";
  }
}
