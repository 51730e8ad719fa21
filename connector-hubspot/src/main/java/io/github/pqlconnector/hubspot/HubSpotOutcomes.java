package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.OutcomeCollector;
import io.github.pqlconnector.core.spi.Outcome;
import io.github.pqlconnector.core.spi.OutcomeBatch;
import io.github.pqlconnector.core.spi.OutcomeReader;
import io.github.pqlconnector.hubspot.api.Filter;
import io.github.pqlconnector.hubspot.api.ObjectResponse;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Who converted in HubSpot, as configured in {@code outcomes:} ({@link HubSpotOutcomesConfig}): closed-won deals
 * ({@link HubSpotDealOutcomes}) and, optionally, contacts and companies whose lifecycle stage is {@code customer},
 * dated by {@code hs_lifecyclestage_customer_date}. Each object type is searched from its own point of the cursor
 * ({@link HubSpotOutcomeCursor}). Every call goes through the destination's limiter, breaker and retry; a call that
 * fails as a whole fails the read (the cursor stays, the next read repeats it).
 */
final class HubSpotOutcomes implements OutcomeReader {
  private static final String CUSTOMER_DATE = "hs_lifecyclestage_customer_date";

  private final HubSpotCalls calls;
  private final HubSpotOutcomesConfig config;

  HubSpotOutcomes(HubSpotCalls calls, HubSpotOutcomesConfig config) {
    this.calls = calls;
    this.config = config;
  }

  @Override
  public OutcomeBatch read(@Nullable String cursor, Instant firstReadFrom) {
    HubSpotOutcomeCursor at = HubSpotOutcomeCursor.parse(cursor);
    // one per key, because a search restarted at its cap serves the records at the restart time twice
    OutcomeCollector rejections = new OutcomeCollector();
    Consumer<Outcome> add = rejections::add;
    HubSpotOutcomeCursor next = at;
    if (config.deals()) {
      String deals = HubSpotDealOutcomes.DEALS;
      next = next.with(deals, new HubSpotDealOutcomes(calls, config.pipelines())
          .read(at.from(deals, firstReadFrom), rejections, add));
    }
    if (config.lifecycleCustomer()) {
      for (EntityLevel level : List.of(EntityLevel.ACCOUNT, EntityLevel.USER)) {
        String objectType = calls.objectType(level);
        next = next.with(objectType, readCustomers(level, at.from(objectType, firstReadFrom), rejections, add));
      }
    }
    return rejections.batch(next.format());
  }

  /** Records of {@code level} that are customers, modified at or after {@code from}: one outcome each. */
  private @Nullable Instant readCustomers(EntityLevel level, Instant from, OutcomeCollector rejections,
      Consumer<Outcome> outcomes) {
    String source = "lifecycle " + (level == EntityLevel.USER ? "contact " : "company ");
    return new HubSpotModifiedSearch(calls).read(calls.objectType(level),
        List.of(Filter.eq("lifecyclestage", "customer")), List.of(CUSTOMER_DATE), from, rejections, page -> {
          for (ObjectResponse record : page) {
            Instant since = HubSpotModifiedSearch.time(record.property(CUSTOMER_DATE).orElse(null));
            if (since == null) {
              rejections.reject(source + record.id(), "a customer without " + CUSTOMER_DATE);
            } else {
              outcomes.accept(Outcome.ofRecord(source + record.id(), level, record.id(), since, null));
            }
          }
        });
  }
}
