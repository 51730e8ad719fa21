package io.github.pqlconnector.bitrix24.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code {"result":[{"ID":"20","DESCRIPTION":"…"},…],"next":50,"total":N,"time":{…}}}. */
public record ActivityListResponse(@Nullable List<JsonNode> result, @Nullable Integer next,
    @Nullable ResponseTime time) {

  public List<JsonNode> activities() {
    return result == null ? List.of() : result;
  }

  public Optional<Integer> nextStart() {
    return Optional.ofNullable(next);
  }
}
