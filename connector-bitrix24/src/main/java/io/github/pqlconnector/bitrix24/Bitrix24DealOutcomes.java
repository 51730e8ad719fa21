package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.bitrix24.api.BatchCommand;
import io.github.pqlconnector.bitrix24.api.BatchResponse;
import io.github.pqlconnector.bitrix24.api.Bitrix24Categories;
import io.github.pqlconnector.bitrix24.api.LegacyListRequest;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.Outcome;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Won deals as conversions: {@code crm.deal.list} filtered {@code STAGE_SEMANTIC_ID = S} (the success stage of any
 * pipeline, or of those in {@code categories}) and modified since the cursor, paged by ID ({@link Bitrix24ListPages}).
 * Each deal counts for its company (ACCOUNT, when {@code COMPANY_ID} is not 0) and for its users: with users in
 * contacts, every contact on the deal, read with {@code crm.deal.contact.items.get} 50 deals per {@code batch} (the
 * deal's own {@code CONTACT_ID} is only the primary one); with users in leads, the lead it came from ({@code
 * LEAD_ID}). Converted at {@code CLOSEDATE}; a won deal without one is rejected. Amount: {@code OPPORTUNITY}.
 */
final class Bitrix24DealOutcomes {
  static final String KIND = "deals";
  static final String LIST = "crm.deal.list";
  static final String CONTACTS = "crm.deal.contact.items.get";
  private static final List<String> SELECT = List.of("ID", "COMPANY_ID", "CONTACT_ID", "LEAD_ID", "CLOSEDATE",
      "OPPORTUNITY", "DATE_MODIFY");

  private final Bitrix24Calls calls;
  private final Bitrix24ListPages pages;
  private final List<Integer> categories;
  private final boolean usersAreContacts;

  Bitrix24DealOutcomes(Bitrix24Calls calls, List<Integer> categories, BitrixEntity users) {
    this.calls = calls;
    this.pages = new Bitrix24ListPages(calls);
    this.categories = List.copyOf(categories);
    this.usersAreContacts = users == BitrixEntity.CONTACT;
  }

  /** Adds the conversions of the deals won and modified at or after {@code since}; returns what was listed. */
  Bitrix24ListPages.Read read(String since, OutcomeRows rows) {
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("STAGE_SEMANTIC_ID", "S");
    filter.put(">=DATE_MODIFY", since);
    if (!categories.isEmpty()) {
      filter.put("@CATEGORY_ID", categories);
    }
    Bitrix24ListPages.Read read = pages.all(LIST, LegacyListRequest.byId(SELECT, filter), calls.api()::listDeals);
    List<Won> won = new ArrayList<>();
    for (JsonNode deal : read.rows()) {
      OutcomeCursor.time(deal.path("CLOSEDATE").asText("")).map(OffsetDateTime::toInstant).ifPresentOrElse(
          at -> won.add(new Won(deal, at)), () -> rows.reject(source(deal), "won but has no CLOSEDATE"));
    }
    Map<String, List<String>> contacts = usersAreContacts ? contacts(won, rows) : Map.of();
    for (Won deal : won) {
      if (!usersAreContacts || contacts.containsKey(id(deal.row()))) {
        add(deal, usersAreContacts ? contacts.get(id(deal.row())) : users(deal.row()), rows);
      }
    }
    return read;
  }

  /** A won deal and when it closed. */
  private record Won(JsonNode row, Instant at) {}

  private static void add(Won deal, List<String> users, OutcomeRows rows) {
    String source = source(deal.row());
    Double amount = OutcomeRows.amount(deal.row().path("OPPORTUNITY"));
    OutcomeRows.recordId(deal.row().path("COMPANY_ID")).ifPresent(company ->
        rows.add(Outcome.ofRecord(source, EntityLevel.ACCOUNT, company, deal.at(), amount)));
    users.forEach(user -> rows.add(Outcome.ofRecord(source, EntityLevel.USER, user, deal.at(), amount)));
  }

  private static List<String> users(JsonNode deal) {
    return OutcomeRows.recordId(deal.path("LEAD_ID")).map(List::of).orElse(List.of());
  }

  /**
   * The contact ids of each deal, by deal id. A deal whose contacts cannot be read is rejected; a limit its commands
   * still hit after {@link Bitrix24Calls#batch}'s resends fails the read, so the cursor stays and the next run asks
   * again.
   */
  private Map<String, List<String>> contacts(List<Won> deals, OutcomeRows rows) {
    List<BatchCommand> commands = deals.stream().map(deal -> id(deal.row()))
        .map(id -> new BatchCommand("c" + id, CONTACTS, Map.of("id", id))).toList();
    Bitrix24Calls.BatchResults answers = calls.batch(commands);
    Map<String, List<String>> byDeal = new HashMap<>();
    for (BatchCommand command : commands) {
      String dealId = command.params().get("id");
      JsonNode result = answers.results().get(command.key());
      BatchResponse.CommandError error = answers.errors().get(command.key());
      if (result != null) {
        List<String> ids = new ArrayList<>();
        result.forEach(binding -> OutcomeRows.recordId(binding.path("CONTACT_ID")).ifPresent(ids::add));
        byDeal.put(dealId, ids);
      } else if (error != null && Bitrix24Categories.isLimit(error.error())) {
        throw calls.failure(error, CONTACTS);
      } else {
        rows.reject("deal " + dealId, "its contacts could not be read ("
            + (error == null ? "no answer" : (error.error() + " " + error.description()).strip()) + ")");
      }
    }
    return byDeal;
  }

  private static String id(JsonNode deal) {
    return deal.path("ID").asText("");
  }

  private static String source(JsonNode deal) {
    return "deal " + id(deal);
  }
}
