package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.bitrix24.api.LegacyListRequest;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.Outcome;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converted leads as conversions: {@code crm.lead.list} filtered {@code STATUS_SEMANTIC_ID = S} (processed
 * successfully) and modified since the cursor, paged by ID. A lead counts for its user, the lead itself when users are
 * written to leads, else the contact it was converted into ({@code CONTACT_ID}), and for its company ({@code
 * COMPANY_ID}); a lead id is never given as a contact id (the two number independently). Converted at {@code
 * DATE_CLOSED}, else {@code DATE_MODIFY}; no amount (a lead's {@code OPPORTUNITY} is a guess, the deal has the sum).
 */
final class Bitrix24LeadOutcomes {
  static final String KIND = "leads";
  static final String LIST = "crm.lead.list";
  private static final List<String> SELECT = List.of("ID", "CONTACT_ID", "COMPANY_ID", "DATE_CLOSED", "DATE_MODIFY");

  private final Bitrix24Calls calls;
  private final Bitrix24ListPages pages;
  private final boolean usersAreLeads;

  Bitrix24LeadOutcomes(Bitrix24Calls calls, BitrixEntity users) {
    this.calls = calls;
    this.pages = new Bitrix24ListPages(calls);
    this.usersAreLeads = users == BitrixEntity.LEAD;
  }

  /** Adds the conversions of the leads converted and modified at or after {@code since}; returns what was listed. */
  Bitrix24ListPages.Read read(String since, OutcomeRows rows) {
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("STATUS_SEMANTIC_ID", "S");
    filter.put(">=DATE_MODIFY", since);
    Bitrix24ListPages.Read read = pages.all(LIST, LegacyListRequest.byId(SELECT, filter), calls.api()::listLeads);
    for (JsonNode lead : read.rows()) {
      String source = "lead " + lead.path("ID").asText("");
      Optional<Instant> at = OutcomeCursor.time(lead.path("DATE_CLOSED").asText(""))
          .or(() -> OutcomeCursor.time(lead.path("DATE_MODIFY").asText(""))).map(OffsetDateTime::toInstant);
      if (at.isEmpty()) {
        rows.reject(source, "converted but has neither DATE_CLOSED nor DATE_MODIFY");
        continue;
      }
      OutcomeRows.recordId(lead.path(usersAreLeads ? "ID" : "CONTACT_ID")).ifPresent(user ->
          rows.add(Outcome.ofRecord(source, EntityLevel.USER, user, at.get(), null)));
      OutcomeRows.recordId(lead.path("COMPANY_ID")).ifPresent(company ->
          rows.add(Outcome.ofRecord(source, EntityLevel.ACCOUNT, company, at.get(), null)));
    }
    return read;
  }
}
