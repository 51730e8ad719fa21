package io.github.pqlconnector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.salesforce.api.QueryResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
      String converted = object.equals("Lead") ? "IsConverted = false AND " : "";
      String head = "SELECT Id, " + String.join(", ", SalesforceFields.names()) + " FROM " + object + " WHERE "
          + converted + "Id IN (";
      for (String soql : Soql.chunked(head, missing.stream().map(Soql::literal).toList(), ",", ")",
          Soql.MAX_ENCODED)) {
        readAll(soql, found);
      }
    }
    return found;
  }

  private void readAll(String soql, Map<String, PqlFields> found) {
    QueryResponse page = calls.execute(calls.api().query(calls.data(), soql));
    while (true) {
      for (JsonNode row : page.records()) {
        found.put(row.path("Id").asText(), SalesforceFields.read(row));
      }
      Optional<String> next = page.next();
      if (next.isEmpty()) {
        return;
      }
      page = calls.execute(calls.api().queryMore(next.get()));
    }
  }
}
