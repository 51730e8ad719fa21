package io.github.pqlconnector.hubspot.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A page of CRM search results ({@code CollectionResponseWithTotalSimplePublicObject}). {@code total} counts all
 * matches; HubSpot serves at most 10,000 of them, and paging past that is an HTTP 400.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchResponse(int total, List<ObjectResponse> results, @Nullable Paging paging) {

  public SearchResponse {
    results = WireCollections.list(results);
  }

  /** The cursor for {@link SearchRequest#nextPage}, empty on the last page. */
  public Optional<String> nextAfter() {
    return Optional.ofNullable(paging).map(Paging::next).map(NextPage::after);
  }

  /** HubSpot's {@code Paging}; only the forward cursor is used. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Paging(@Nullable NextPage next) {}

  /** HubSpot's {@code NextPage}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NextPage(String after, @Nullable String link) {}
}
