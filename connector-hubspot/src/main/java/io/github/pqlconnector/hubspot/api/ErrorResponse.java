package io.github.pqlconnector.hubspot.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of a failed call (HubSpot's {@code Error} schema), read by {@link HubSpotErrors}. HubSpot asks clients to
 * treat every field as optional. The 429 bodies of the rate limiter are an older shape: {@code errorType} ({@code
 * RATE_LIMIT}) and {@code policyName} ({@code DAILY}, {@code TEN_SECONDLY_ROLLING}, the legacy {@code SECONDLY}) in
 * place of {@code category}, and a {@code requestId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorResponse(@Nullable String status, @Nullable String message, @Nullable String correlationId,
    @Nullable String category, @Nullable String subCategory, Map<String, List<String>> context,
    List<ErrorDetail> errors, @Nullable String errorType, @Nullable String policyName, @Nullable String requestId) {

  public ErrorResponse {
    context = WireCollections.context(context);
    errors = WireCollections.list(errors);
  }

  /** What HubSpot sends when the body is missing or unreadable: every field absent. */
  public static ErrorResponse empty() {
    return new ErrorResponse(null, null, null, null, null, Map.of(), List.of(), null, null, null);
  }
}
