package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.spi.OutcomeCollector;
import io.github.pqlconnector.hubspot.api.Filter;
import io.github.pqlconnector.hubspot.api.FilterGroup;
import io.github.pqlconnector.hubspot.api.FilterOperator;
import io.github.pqlconnector.hubspot.api.ObjectResponse;
import io.github.pqlconnector.hubspot.api.SearchRequest;
import io.github.pqlconnector.hubspot.api.SearchResponse;
import io.github.pqlconnector.hubspot.api.Sort;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Pages through the records of one object type modified since a time, oldest modification first, with CRM search on
 * the search rate limit. One query serves at most {@link #RESULT_CAP} results (paging past them is an HTTP 400), so
 * before it would page past them the query starts again from the last modification time seen; the records modified
 * at that time come twice, which is harmless, since an outcome read again replaces itself.
 */
final class HubSpotModifiedSearch {
  static final int RESULT_CAP = 10_000;
  static final int PAGE = SearchRequest.MAX_LIMIT;

  private final HubSpotCalls calls;

  HubSpotModifiedSearch(HubSpotCalls calls) {
    this.calls = calls;
  }

  /** Contacts keep their last modification in {@code lastmodifieddate}, the other objects in {@code hs_lastmodifieddate}. */
  static String modifiedProperty(String objectType) {
    return objectType.equals("contacts") ? "lastmodifieddate" : "hs_lastmodifieddate";
  }

  /**
   * Hands each page of {@code objectType} records matching {@code filters} and modified at or after {@code from} to
   * {@code pages}; returns the latest modification time seen, null when there was none.
   */
  @Nullable Instant read(String objectType, List<Filter> filters, List<String> properties, Instant from,
      OutcomeCollector rejections, Consumer<List<ObjectResponse>> pages) {
    String modified = modifiedProperty(objectType);
    List<String> asked = new ArrayList<>(properties);
    asked.add(modified);
    Instant start = from;
    Instant latest = null;
    while (true) {
      Query query = query(objectType, filters, asked, modified, start, pages);
      latest = later(latest, query.latest());
      if (!query.capped()) {
        return latest;
      }
      if (latest == null || !latest.isAfter(start)) {
        // more than RESULT_CAP records modified in one millisecond: the rest cannot be reached by search
        rejections.reject(objectType + " modified at " + start, "more than " + RESULT_CAP
            + " records modified at this instant; the ones after the first " + RESULT_CAP + " were not read");
        latest = start.plusMillis(1);
      }
      start = latest;
    }
  }

  /** One query from {@code start}, paged until its end or until the next page would pass the cap. */
  private Query query(String objectType, List<Filter> filters, List<String> properties, String modified,
      Instant start, Consumer<List<ObjectResponse>> pages) {
    List<Filter> all = new ArrayList<>(filters);
    all.add(new Filter(modified, FilterOperator.GTE, Long.toString(start.toEpochMilli()), null));
    SearchRequest first = SearchRequest.sorted(List.of(new FilterGroup(all)), properties, Sort.ascending(modified),
        PAGE);
    Optional<String> after = Optional.empty();
    Instant latest = null;
    int served = 0;
    do {
      SearchRequest page = after.map(first::nextPage).orElse(first);
      SearchResponse response = calls.search(calls.api().search(calls.objects(), objectType, page));
      pages.accept(response.results());
      for (ObjectResponse result : response.results()) {
        latest = later(latest, time(result.property(modified).orElse(null)));
      }
      served += response.results().size();
      after = response.nextAfter();
      if (after.isPresent() && offset(after.get(), served) + PAGE > RESULT_CAP) {
        return new Query(latest, true);
      }
    } while (after.isPresent());
    return new Query(latest, false);
  }

  /** Search's {@code after} is the offset of the next page; the count served stands in if it ever is not a number. */
  private static int offset(String after, int served) {
    try {
      return Integer.parseInt(after);
    } catch (NumberFormatException e) {
      return served;
    }
  }

  /**
   * A HubSpot datetime property: ISO-8601 as the v3 objects API returns it ({@code 2026-10-20T14:05:00.000Z}), epoch
   * milliseconds as some older records hold it, or a date property's {@code 2026-10-20} (midnight UTC).
   */
  static @Nullable Instant time(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      if (text.chars().allMatch(Character::isDigit)) {
        return Instant.ofEpochMilli(Long.parseLong(text));
      }
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
    return a == null ? b : b == null || !b.isAfter(a) ? a : b;
  }

  private record Query(@Nullable Instant latest, boolean capped) {}
}
