package io.github.pqlconnector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.PqlFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the PQL fields back for reconciliation with SOQL {@code SELECT Id, PQL_Status__c, … FROM <object> WHERE Id IN
 * (…)}, split under the URI limit like the matcher's queries and followed to the last page. Users are looked up on
 * each of {@code userObjects} in turn, asking each only for the ids not found yet; converted Leads are read-only and
 * count as gone, so the record is matched again (to the Contact it became). Deleted or merged-away records are not
 * returned by SOQL: gone as well.
 */
final class SalesforceReader {
  private final SalesforceCalls calls;
  private final SalesforceConfig config;

  SalesforceReader(SalesforceCalls calls, SalesforceConfig config) {
    this.calls = calls;
    this.config = config;
  }

  Map<String, PqlFields> readFields(EntityLevel level, List<String> recordIds) {
    Map<String, PqlFields> found = new HashMap<>();
    List<String> objects = level == EntityLevel.USER ? config.userObjects() : List.of(SObjects.ACCOUNT);
    for (String object : objects) {
      List<String> missing = recordIds.stream().distinct().filter(id -> !found.containsKey(id)).toList();
      if (missing.isEmpty()) {
        break;
      }
      byId(calls, object, SalesforceFields.names(), missing,
          row -> found.put(row.path("Id").asText(), SalesforceFields.read(row)));
    }
    return found;
  }

  /**
   * Hands over the rows of {@code SELECT Id, <fields> FROM <object> WHERE Id IN (<ids>)}, split under the URI limit
   * and followed to the last page; shared with {@link SalesforceTraits}. Converted Leads are left out (read-only).
   */
  static void byId(SalesforceCalls calls, String object, List<String> fields, List<String> ids,
      Consumer<JsonNode> row) {
    String converted = object.equals(SObjects.LEAD) ? "IsConverted = false AND " : "";
    String head = "SELECT Id, " + String.join(", ", fields) + " FROM " + object + " WHERE " + converted + "Id IN (";
    for (String soql : Soql.chunked(head, ids.stream().map(Soql::literal).toList(), ",", ")", Soql.MAX_ENCODED)) {
      calls.queryPages(soql, rows -> rows.forEach(row));
    }
  }
}
