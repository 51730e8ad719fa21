package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.hubspot.api.BatchReadRequest;
import io.github.pqlconnector.hubspot.api.BatchResponse;
import io.github.pqlconnector.hubspot.api.Filter;
import io.github.pqlconnector.hubspot.api.FilterGroup;
import io.github.pqlconnector.hubspot.api.ObjectResponse;
import io.github.pqlconnector.hubspot.api.SearchRequest;
import io.github.pqlconnector.hubspot.api.SearchResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds HubSpot records for match keys. Users: {@code batch/read} by the unique {@code email} property, 100 per call.
 * Accounts: {@code domain} is not unique in HubSpot (API-created companies are not deduplicated, crm-apis.md §1.3),
 * so it cannot be an {@code idProperty}; they are found with CRM search, an {@code IN} filter over up to 100 values
 * per request, on the search rate limit. Several companies with one key resolve to the oldest (then lowest id).
 * Values are compared lowercased, as HubSpot stores emails and domains.
 */
final class HubSpotMatcher {
  static final int BATCH = 100;
  private static final String CREATED = "createdate";
  private static final Comparator<ObjectResponse> OLDEST_FIRST = Comparator
      .comparing((ObjectResponse r) -> r.createdAt() == null ? Instant.MAX : r.createdAt())
      .thenComparing(r -> r.id().length()).thenComparing(ObjectResponse::id);

  private final HubSpotCalls calls;
  private final String accountKey;

  HubSpotMatcher(HubSpotCalls calls, String accountKey) {
    this.calls = calls;
    this.accountKey = accountKey;
  }

  MatchResult match(EntityLevel level, List<MatchKey> keys) {
    Map<String, String> byLower = new LinkedHashMap<>();
    keys.forEach(key -> byLower.putIfAbsent(lower(key.value()), key.value()));
    List<String> values = List.copyOf(byLower.keySet());
    Map<String, CrmRecord> found = new HashMap<>();
    for (int from = 0; from < values.size(); from += BATCH) {
      List<String> chunk = values.subList(from, Math.min(values.size(), from + BATCH));
      Map<String, CrmRecord> chunkFound = level == EntityLevel.USER ? readUsers(chunk) : searchAccounts(chunk);
      chunkFound.forEach((value, record) -> {
        String asGiven = byLower.get(value);
        if (asGiven != null) {
          found.put(asGiven, record);
        }
      });
    }
    return new MatchResult(found);
  }

  private Map<String, CrmRecord> readUsers(List<String> emails) {
    BatchReadRequest request = BatchReadRequest.byProperty("email", emails, List.of("email", HubSpotFields.OWNER_ID));
    BatchResponse response = calls.execute(calls.api().batchRead(calls.objects(), calls.objectType(EntityLevel.USER),
        request));
    Map<String, CrmRecord> found = new HashMap<>();
    for (ObjectResponse result : response.results()) {
      result.property("email").ifPresent(email -> found.put(lower(email), record(result)));
    }
    return found;
  }

  private Map<String, CrmRecord> searchAccounts(List<String> values) {
    SearchRequest request = SearchRequest.firstPage(List.of(FilterGroup.of(Filter.in(accountKey, values))),
        List.of(accountKey, HubSpotFields.OWNER_ID, CREATED), BATCH);
    String objectType = calls.objectType(EntityLevel.ACCOUNT);
    Map<String, List<ObjectResponse>> candidates = new HashMap<>();
    Optional<String> after = Optional.empty();
    do {
      SearchRequest page = after.map(request::nextPage).orElse(request);
      SearchResponse response = calls.search(calls.api().search(calls.objects(), objectType, page));
      for (ObjectResponse result : response.results()) {
        result.property(accountKey).ifPresent(v -> candidates.computeIfAbsent(lower(v), k -> new ArrayList<>())
            .add(result));
      }
      after = response.nextAfter();
    } while (after.isPresent());
    Map<String, CrmRecord> found = new HashMap<>();
    candidates.forEach((value, list) -> found.put(value, record(list.stream().min(OLDEST_FIRST).orElseThrow())));
    return found;
  }

  private static CrmRecord record(ObjectResponse result) {
    return new CrmRecord(result.id(), result.property(HubSpotFields.OWNER_ID).filter(s -> !s.isBlank()).orElse(null));
  }

  private static String lower(String value) {
    return value.trim().toLowerCase(Locale.ROOT);
  }
}
