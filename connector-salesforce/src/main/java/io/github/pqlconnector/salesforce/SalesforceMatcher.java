package io.github.pqlconnector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.salesforce.api.QueryResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds Salesforce records with SOQL, only for the keys it is given (the changed records), in statements split under
 * the URI limit ({@link Soql}) and following {@code nextRecordsUrl} to the last page. Users: by {@code Email} on each
 * of {@code userObjects} in order (Contact, then Lead by default; converted Leads are read-only and skipped), a key
 * found on one object is not looked up on the next. Accounts: by an External ID field ({@code IN}), or by
 * {@code Website}, whose free text ({@code http://www.acme.com/}) is searched with {@code LIKE} and kept only when
 * its host is the domain. Several records for one key resolve to the oldest. Keys compare ignoring case.
 */
final class SalesforceMatcher {
  private static final String ORDER = " ORDER BY CreatedDate, Id";

  private final SalesforceCalls calls;
  private final SalesforceConfig config;

  SalesforceMatcher(SalesforceCalls calls, SalesforceConfig config) {
    this.calls = calls;
    this.config = config;
  }

  MatchResult match(EntityLevel level, List<MatchKey> keys) {
    Map<String, String> byLower = new LinkedHashMap<>();
    keys.forEach(key -> byLower.putIfAbsent(lower(key.value()), key.value()));
    Map<String, CrmRecord> found = level == EntityLevel.USER ? users(List.copyOf(byLower.keySet()))
        : accounts(List.copyOf(byLower.keySet()));
    Map<String, CrmRecord> asGiven = new HashMap<>();
    found.forEach((value, record) -> asGiven.put(byLower.get(value), record));
    return new MatchResult(asGiven);
  }

  private Map<String, CrmRecord> users(List<String> emails) {
    Map<String, CrmRecord> found = new HashMap<>();
    for (String object : config.userObjects()) {
      List<String> missing = emails.stream().filter(e -> !found.containsKey(e)).map(Soql::literal).toList();
      String converted = object.equals("Lead") ? "IsConverted = false AND " : "";
      String head = "SELECT Id, Email, OwnerId FROM " + object + " WHERE " + converted + "Email IN (";
      query(head, missing, ",", ")" + ORDER, row -> Optional.of(lower(row.path("Email").asText())), found);
    }
    return found;
  }

  private Map<String, CrmRecord> accounts(List<String> keys) {
    Map<String, CrmRecord> found = new HashMap<>();
    String field = config.accountField();
    String head = "SELECT Id, OwnerId, " + field + " FROM Account WHERE ";
    if (config.matchesByWebsite()) {
      Set<String> wanted = Set.copyOf(keys);
      List<String> likes = keys.stream().map(k -> field + " LIKE " + Soql.containsLiteral(k)).toList();
      query(head, likes, " OR ", ORDER, row -> Optional.of(Domains.ofWebsite(row.path(field).asText()))
          .filter(wanted::contains), found);
    } else {
      query(head + field + " IN (", keys.stream().map(Soql::literal).toList(), ",", ")" + ORDER,
          row -> Optional.of(lower(row.path(field).asText())), found);
    }
    return found;
  }

  /** Runs the chunked statements page by page; the first (oldest) record per key wins. */
  private void query(String head, List<String> parts, String joiner, String tail,
      Function<JsonNode, Optional<String>> keyOf, Map<String, CrmRecord> found) {
    for (String soql : Soql.chunked(head, parts, joiner, tail, Soql.MAX_ENCODED)) {
      QueryResponse page = calls.execute(calls.api().query(calls.data(), soql));
      while (true) {
        for (JsonNode row : page.records()) {
          keyOf.apply(row).filter(k -> !k.isEmpty()).ifPresent(key -> found.putIfAbsent(key, record(row)));
        }
        Optional<String> next = page.next();
        if (next.isEmpty()) {
          break;
        }
        page = calls.execute(calls.api().queryMore(next.get()));
      }
    }
  }

  private static CrmRecord record(JsonNode row) {
    String owner = row.path("OwnerId").asText("");
    return new CrmRecord(row.path("Id").asText(), owner.isEmpty() ? null : owner);
  }

  static String lower(String value) {
    return value.trim().toLowerCase(Locale.ROOT);
  }
}
