package io.github.pqlconnector.bitrix24.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code time} object of every response. {@code operating} is the seconds this method has used in the sliding
 * 10-minute window and {@code operating_reset_at} when part of that is released (b24restdocs limits.md). The docs show
 * the reset time as Unix seconds and, on some pages, as an ISO date-time, so both are read. {@code date_start} is the
 * portal's own time when it began the request (ISO 8601 with its offset).
 */
public record ResponseTime(@Nullable Double operating,
    @JsonProperty("operating_reset_at") @Nullable JsonNode operatingResetAt,
    @JsonProperty("date_start") @Nullable String dateStart) {

  public ResponseTime(@Nullable Double operating, @Nullable JsonNode operatingResetAt) {
    this(operating, operatingResetAt, null);
  }

  public Optional<Instant> resetAt() {
    if (operatingResetAt == null || operatingResetAt.isNull() || operatingResetAt.isMissingNode()) {
      return Optional.empty();
    }
    if (operatingResetAt.isNumber()) {
      return Optional.of(Instant.ofEpochSecond(operatingResetAt.asLong()));
    }
    try {
      return Optional.of(OffsetDateTime.parse(operatingResetAt.asText()).toInstant());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
