package io.github.pqlconnector.sources.mixpanel;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of an Engage answer: {@code {"page":0,"page_size":1000,"session_id":"…","status":"ok","total":1,
 * "results":[{"$distinct_id":"…","$properties":{…}}]}}. The next page exists while a page is full.
 */
record EngagePage(int page, @JsonProperty("page_size") int pageSize, @JsonProperty("session_id") @Nullable String sessionId,
    @Nullable String status, @Nullable List<Profile> results) {

  List<Profile> profiles() {
    return results == null ? List.of() : results;
  }

  boolean hasNext() {
    return pageSize > 0 && profiles().size() >= pageSize && sessionId != null;
  }

  /** A user profile ({@code $distinct_id} the user) or a group profile ({@code $distinct_id} the group key). */
  record Profile(@JsonProperty("$distinct_id") @Nullable JsonNode distinctId,
      @JsonProperty("$properties") @Nullable JsonNode properties) {}
}
