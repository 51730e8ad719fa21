package io.github.pqlconnector.bitrix24.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code {"result":[{"ID":"37","DATE_MODIFY":"2024-09-02T18:37:18+02:00",…}],"total":0,"time":{…}}}: a legacy list
 * method's page, the rows straight under {@code result} (at most 50), values as strings.
 */
public record LegacyListResponse(@Nullable List<JsonNode> result, @Nullable Integer total, @Nullable Integer next,
    @Nullable ResponseTime time) {

  public List<JsonNode> rows() {
    return result == null ? List.of() : result;
  }
}
