package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.OutcomeCollector;
import io.github.pqlconnector.core.spi.Outcome;
import io.github.pqlconnector.hubspot.api.Filter;
import io.github.pqlconnector.hubspot.api.ObjectResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Closed-won deals as conversions: each deal won (optionally only in the configured pipelines) and modified since
 * the cursor counts for every company and contact associated with it, dated by its {@code closedate}, with its
 * {@code amount}. A won deal without a close date cannot be dated and is rejected. Associations are read per page of
 * deals, so memory stays at one page.
 */
final class HubSpotDealOutcomes {
  static final String DEALS = "deals";
  private static final List<String> PROPERTIES = List.of("closedate", "amount", "pipeline");

  private final HubSpotCalls calls;
  private final HubSpotModifiedSearch search;
  private final HubSpotAssociations associations;
  private final List<String> pipelines;

  HubSpotDealOutcomes(HubSpotCalls calls, List<String> pipelines) {
    this.calls = calls;
    this.search = new HubSpotModifiedSearch(calls);
    this.associations = new HubSpotAssociations(calls);
    this.pipelines = List.copyOf(pipelines);
  }

  /** Adds the conversions of the deals won and modified at or after {@code from}; the latest modification seen. */
  @Nullable Instant read(Instant from, OutcomeCollector rejections, Consumer<Outcome> outcomes) {
    List<Filter> filters = new ArrayList<>(List.of(Filter.eq("hs_is_closed_won", "true")));
    if (!pipelines.isEmpty()) {
      filters.add(Filter.in("pipeline", pipelines));
    }
    return search.read(DEALS, filters, PROPERTIES, from, rejections, page -> readPage(page, rejections, outcomes));
  }

  private void readPage(List<ObjectResponse> deals, OutcomeCollector rejections, Consumer<Outcome> outcomes) {
    List<ObjectResponse> dated = new ArrayList<>();
    for (ObjectResponse deal : deals) {
      if (HubSpotModifiedSearch.time(deal.property("closedate").orElse(null)) != null) {
        dated.add(deal);
      } else {
        rejections.reject("deal " + deal.id(), "closed won but has no closedate to date the conversion by");
      }
    }
    if (dated.isEmpty()) {
      return;
    }
    emit(dated, EntityLevel.ACCOUNT, outcomes);
    emit(dated, EntityLevel.USER, outcomes);
  }

  /** One outcome per deal and record of {@code level} associated with it. */
  private void emit(List<ObjectResponse> deals, EntityLevel level, Consumer<Outcome> outcomes) {
    Map<String, Set<String>> associated = associations.read(DEALS, calls.objectType(level),
        deals.stream().map(ObjectResponse::id).toList());
    for (ObjectResponse deal : deals) {
      Instant closed = HubSpotModifiedSearch.time(deal.property("closedate").orElse(null));
      Double amount = amount(deal.property("amount").orElse(null));
      for (String recordId : associated.getOrDefault(deal.id(), Set.of())) {
        outcomes.accept(Outcome.ofRecord("deal " + deal.id(), level, recordId, closed, amount));
      }
    }
  }

  /** HubSpot sends numbers as text; an amount that is not a number is left out, the conversion still counts. */
  private static @Nullable Double amount(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      double value = Double.parseDouble(text.strip());
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
