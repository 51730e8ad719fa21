package io.github.pqlconnector.hubspot.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer of an association batch read ({@code BatchResponsePublicAssociationMultiWithLabel}), 200 or 207: per
 * record asked, the records it is associated with and, when it has more than one page of them, {@code paging}.
 * A record with no associations comes back in {@code errors}, which are not read: it simply has none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AssociationReadResponse(List<Result> results) {

  public AssociationReadResponse {
    results = WireCollections.list(results);
  }

  /** One record's associations ({@code PublicAssociationMultiWithLabel}). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Result(ObjectId from, List<To> to, SearchResponse.@Nullable Paging paging) {
    public Result {
      to = WireCollections.list(to);
    }

    /** The cursor of this record's next page of associations, empty on its last. */
    public Optional<String> nextAfter() {
      return Optional.ofNullable(paging).map(SearchResponse.Paging::next).map(SearchResponse.NextPage::after);
    }
  }

  /** An associated record ({@code MultiAssociatedObjectWithLabel}); its association types are not needed here. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record To(String toObjectId) {}
}
