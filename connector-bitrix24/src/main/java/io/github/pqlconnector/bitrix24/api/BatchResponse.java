package io.github.pqlconnector.bitrix24.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code batch} answer: always HTTP 200, with each command's result under {@code result.result.<key>} and each
 * command's error under {@code result.result_error.<key>}. Empty parts come as {@code []}, so look-ups go through
 * {@link #resultOf} and {@link #errorOf}.
 */
public record BatchResponse(@Nullable Results result, @Nullable ResponseTime time) {

  /** The inner parts; each a JSON object keyed by command, or an empty array. */
  public record Results(@Nullable JsonNode result, @JsonProperty("result_error") @Nullable JsonNode resultError,
      @JsonProperty("result_time") @Nullable JsonNode resultTime) {}

  public Optional<JsonNode> resultOf(String key) {
    return part(result == null ? null : result.result(), key);
  }

  public Optional<CommandError> errorOf(String key) {
    return part(result == null ? null : result.resultError(), key).map(CommandError::of);
  }

  /** The {@code time} of one command, when Bitrix24 reports it. */
  public Optional<ResponseTime> timeOf(String key) {
    return part(result == null ? null : result.resultTime(), key).map(node -> new ResponseTime(
        node.has("operating") ? node.get("operating").asDouble() : null, node.get("operating_reset_at")));
  }

  private static Optional<JsonNode> part(@Nullable JsonNode node, String key) {
    if (node == null || !node.isObject() || !node.has(key) || node.get(key).isNull()) {
      return Optional.empty();
    }
    return Optional.of(node.get(key));
  }

  /** {@code {"error":"…","error_description":"…"}} of one command. */
  public record CommandError(String error, String description) {
    static CommandError of(JsonNode node) {
      return new CommandError(node.path("error").asText(""), node.path("error_description").asText(""));
    }
  }
}
