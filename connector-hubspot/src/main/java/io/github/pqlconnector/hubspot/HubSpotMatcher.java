package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds HubSpot records for match keys. Users: {@code batch/read} by the unique {@code email} property, 100 per call.
 * Accounts: a company property with {@code hasUniqueValue} (such as a custom {@code pql_account_id}) is read the same
 * way; {@code domain} is not unique in HubSpot (API-created companies are not deduplicated, crm-apis.md §1.3), so it
 * cannot be an {@code idProperty}, and companies are then found with CRM search, an {@code IN} filter over up to 100
 * values per request, on the search rate limit. Several companies with one key resolve to the oldest (then lowest
 * id). Whether the account key is unique is read once from its property definition. Values are compared lowercased.
 */
final class HubSpotMatcher {
  static final int BATCH = 100;
  private static final String CREATED = "createdate";
  private static final Comparator<ObjectResponse> OLDEST_FIRST = Comparator
      .comparing((ObjectResponse r) -> r.createdAt() == null ? Instant.MAX : r.createdAt())
      .thenComparing(r -> r.id().length()).thenComparing(ObjectResponse::id);

  private final HubSpotCalls calls;
  private final String accountKey;
  private final AtomicReference<Boolean> accountKeyUnique = new AtomicReference<>();

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
      Map<String, CrmRecord> chunkFound = level == EntityLevel.USER ? readByUnique(level, "email", chunk)
          : accountKeyIsUnique() ? readByUnique(level, accountKey, chunk.stream().map(byLower::get).toList())
          : searchAccounts(chunk);
      chunkFound.forEach((value, record) -> {
        String asGiven = byLower.get(value);
        if (asGiven != null) {
          found.put(asGiven, record);
        }
      });
    }
    return new MatchResult(found);
  }

  /** Batch read by a unique property; the values are sent as given, results keyed by their lowercased value. */
  private Map<String, CrmRecord> readByUnique(EntityLevel level, String property, List<String> values) {
    BatchReadRequest request = BatchReadRequest.byProperty(property, values, List.of(property, HubSpotFields.OWNER_ID));
    BatchResponse response = calls.execute(calls.api().batchRead(calls.objects(), calls.objectType(level), request));
    Map<String, CrmRecord> found = new HashMap<>();
    for (ObjectResponse result : response.results()) {
      result.property(property).ifPresent(value -> found.put(lower(value), record(result)));
    }
    return found;
  }

  private boolean accountKeyIsUnique() {
    Boolean known = accountKeyUnique.get();
    if (known == null) {
      known = !"domain".equals(accountKey) && readUniqueness();
      accountKeyUnique.compareAndSet(null, known);
    }
    return known;
  }

  /** A missing property is not unique: search then reports it the way HubSpot words it. */
  private boolean readUniqueness() {
    try {
      return calls.execute(calls.api().readProperty(calls.properties(), calls.objectType(EntityLevel.ACCOUNT),
          accountKey)).hasUniqueValue();
    } catch (VendorException e) {
      if (e.category() == ErrorCategory.NOT_FOUND) {
        return false;
      }
      throw e;
    }
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
