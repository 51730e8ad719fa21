package io.github.pqlconnector.bitrix24.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code {"result":{"items":[…]},"total":N,"next":50,"time":{…}}}; {@code next} only when more pages follow. */
public record ItemListResponse(@Nullable Items result, @Nullable Integer total, @Nullable Integer next,
    @Nullable ResponseTime time) {

  public record Items(@Nullable List<JsonNode> items) {}

  public List<JsonNode> items() {
    return result == null || result.items() == null ? List.of() : result.items();
  }

  public Optional<Integer> nextStart() {
    return Optional.ofNullable(next);
  }
}
