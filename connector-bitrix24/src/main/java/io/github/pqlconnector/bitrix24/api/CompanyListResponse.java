package io.github.pqlconnector.bitrix24.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code {"result":[{"ID":"7","WEB":[{"ID":"31","VALUE_TYPE":"WORK","VALUE":"https://acme.io","TYPE_ID":"WEB"}],
 * "DATE_MODIFY":"…"}],"total":120,"next":50,"time":{…}}}: legacy list methods put the rows straight under {@code
 * result}; {@code next} only when more pages follow.
 */
public record CompanyListResponse(@Nullable List<JsonNode> result, @Nullable Integer total, @Nullable Integer next,
    @Nullable ResponseTime time) {

  public List<JsonNode> companies() {
    return result == null ? List.of() : result;
  }
}
