package io.github.pqlconnector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.model.EntityLevel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Won opportunities changed since a point ({@code IsWon = true AND SystemModstamp >= …}), each converted on its
 * {@code CloseDate} for its Account and for the Contact of each of its contact roles, read page by page: every page
 * of opportunities is joined to its {@code OpportunityContactRole}s in statements split under the URI limit. One
 * instance per read: it keeps the latest {@code SystemModstamp} seen, where the next read starts.
 */
final class WonOpportunities {
  private static final String WON = "SELECT Id, AccountId, Amount, CloseDate, SystemModstamp FROM Opportunity"
      + " WHERE IsWon = true AND SystemModstamp >= %s ORDER BY SystemModstamp";
  /** The limits cheat sheet refuses a query naming over 500 junction ids (MALFORMED_QUERY); 200 keeps clear. */
  static final int IDS_PER_ROLE_QUERY = 200;
  private static final String ROLES = "SELECT OpportunityId, ContactId FROM OpportunityContactRole WHERE"
      + " OpportunityId IN (";

  private record Won(String source, Instant closedAt, @Nullable Double amount) {}

  private final SalesforceCalls calls;
  private final OutcomeRows rows;
  private Instant latest;

  WonOpportunities(SalesforceCalls calls, OutcomeRows rows, Instant since) {
    this.calls = calls;
    this.rows = rows;
    this.latest = since;
  }

  /** Reads from {@code readFrom} (the cursor less the lookback); returns the latest change seen, or the cursor. */
  Instant read(Instant readFrom) {
    calls.queryPages(WON.formatted(Soql.dateTime(readFrom)), this::page);
    return latest;
  }

  private void page(List<JsonNode> opportunities) {
    Map<String, Won> won = new LinkedHashMap<>();
    for (JsonNode row : opportunities) {
      Instant modified = OutcomeRows.dateTime(row, "SystemModstamp");
      if (modified != null && modified.isAfter(latest)) {
        latest = modified;
      }
      String id = OutcomeRows.text(row, "Id");
      String source = "opportunity " + id;
      Instant closedAt = OutcomeRows.date(row, "CloseDate");
      if (id == null || closedAt == null) {
        rows.reject(source, id == null ? "no Id" : OutcomeRows.noDate(row, "CloseDate"));
        continue;
      }
      Won one = new Won(source, closedAt, OutcomeRows.number(row, "Amount"));
      won.put(id, one);
      rows.add(source, EntityLevel.ACCOUNT, OutcomeRows.text(row, "AccountId"), closedAt, one.amount());
    }
    if (!won.isEmpty()) {
      contactsOf(won);
    }
  }

  /** Each contact role's Contact converted with its opportunity. */
  private void contactsOf(Map<String, Won> won) {
    List<String> ids = won.keySet().stream().map(Soql::literal).toList();
    for (List<String> chunk : Chunks.of(ids, IDS_PER_ROLE_QUERY)) {
      for (String soql : Soql.chunked(ROLES, chunk, ",", ")", Soql.MAX_ENCODED)) {
        calls.queryPages(soql, roles -> roles.forEach(role -> {
          Won opportunity = won.get(OutcomeRows.text(role, "OpportunityId"));
          if (opportunity != null) {
            rows.add(opportunity.source(), EntityLevel.USER, OutcomeRows.text(role, "ContactId"),
                opportunity.closedAt(), opportunity.amount());
          }
        }));
      }
    }
  }
}
