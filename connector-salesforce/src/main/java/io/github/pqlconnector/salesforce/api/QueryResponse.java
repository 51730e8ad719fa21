package io.github.pqlconnector.salesforce.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A page of SOQL results: {@code {"totalSize":3,"done":false,"nextRecordsUrl":"/services/data/v67.0/query/01g…-2000",
 * "records":[…]}}. Up to 2,000 records per page; the next page is at {@code nextRecordsUrl} until {@code done}.
 */
public record QueryResponse(int totalSize, boolean done, @Nullable String nextRecordsUrl, List<JsonNode> records) {
  public QueryResponse {
    records = records == null ? List.of() : List.copyOf(records);
  }

  public Optional<String> next() {
    return done || nextRecordsUrl == null ? Optional.empty() : Optional.of(nextRecordsUrl);
  }
}
