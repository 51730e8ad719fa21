package io.github.pqlconnector.salesforce.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** The token endpoint's refusal: {@code {"error":"invalid_grant","error_description":"expired access/refresh token"}}. */
public record OAuthError(@Nullable String error, @JsonProperty("error_description") @Nullable String description) {}
