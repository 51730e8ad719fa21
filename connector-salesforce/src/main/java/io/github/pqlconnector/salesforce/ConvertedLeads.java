package io.github.pqlconnector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.model.EntityLevel;
import java.time.Instant;

/**
 * Converted leads changed since a point ({@code IsConverted = true AND SystemModstamp >= …}), each converted on its
 * {@code ConvertedDate}: for the Lead itself (the connector may have written the lead before it converted), for the
 * Contact it became and for its Account, so the conversion joins whichever of them the connector wrote. One instance
 * per read: it keeps the latest {@code SystemModstamp} seen, where the next read starts.
 */
final class ConvertedLeads {
  private static final String CONVERTED = "SELECT Id, ConvertedDate, ConvertedContactId, ConvertedAccountId,"
      + " SystemModstamp FROM Lead WHERE IsConverted = true AND SystemModstamp >= %s ORDER BY SystemModstamp";

  private final SalesforceCalls calls;
  private final OutcomeRows rows;
  private Instant latest;

  ConvertedLeads(SalesforceCalls calls, OutcomeRows rows, Instant since) {
    this.calls = calls;
    this.rows = rows;
    this.latest = since;
  }

  /** Reads from {@code readFrom} (the cursor less the lookback); returns the latest change seen, or the cursor. */
  Instant read(Instant readFrom) {
    calls.queryPages(CONVERTED.formatted(Soql.dateTime(readFrom)), page -> page.forEach(this::lead));
    return latest;
  }

  private void lead(JsonNode row) {
    Instant modified = OutcomeRows.dateTime(row, "SystemModstamp");
    if (modified != null && modified.isAfter(latest)) {
      latest = modified;
    }
    String id = OutcomeRows.text(row, "Id");
    String source = "lead " + id;
    Instant convertedAt = OutcomeRows.date(row, "ConvertedDate");
    if (id == null || convertedAt == null) {
      rows.reject(source, id == null ? "no Id" : OutcomeRows.noDate(row, "ConvertedDate"));
      return;
    }
    rows.add(source, EntityLevel.USER, id, convertedAt, null);
    rows.add(source, EntityLevel.USER, OutcomeRows.text(row, "ConvertedContactId"), convertedAt, null);
    rows.add(source, EntityLevel.ACCOUNT, OutcomeRows.text(row, "ConvertedAccountId"), convertedAt, null);
  }
}
