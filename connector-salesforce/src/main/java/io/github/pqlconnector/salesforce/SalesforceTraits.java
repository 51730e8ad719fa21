package io.github.pqlconnector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.CrmTraitFields;
import io.github.pqlconnector.core.spi.FieldTraitReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reads the {@code traits:} fields of matched records with the reconciliation's SOQL {@code Id IN} plumbing
 * ({@link SalesforceReader#byId}): accounts from Account, users from the object their id prefix names ({@code 003}
 * Contact, {@code 00Q} Lead; an id of an object not in {@code userObjects} is not asked for, so absent). Salesforce
 * answers with the fields' own API-name casing, so the config's names are matched case-insensitively.
 */
final class SalesforceTraits extends FieldTraitReader {
  private final SalesforceCalls calls;
  private final SalesforceConfig config;

  SalesforceTraits(SalesforceCalls calls, SalesforceConfig config, CrmTraitFields fields) {
    super(fields);
    this.calls = calls;
    this.config = config;
  }

  @Override
  protected void readRecords(EntityLevel level, List<String> recordIds, List<String> fieldNames,
      BiConsumer<String, Function<String, Optional<String>>> found) {
    List<String> select = selected(fieldNames);
    byObject(level, recordIds).forEach((object, ids) -> SalesforceReader.byId(calls, object, select, ids,
        row -> found.accept(row.path("Id").asText(), valueOf(row))));
  }

  /** The distinct fields to select, Id aside (SOQL refuses a field selected twice, in any casing). */
  private static List<String> selected(List<String> fieldNames) {
    Map<String, String> byLower = new TreeMap<>();
    fieldNames.forEach(field -> byLower.putIfAbsent(field.toLowerCase(Locale.ROOT), field));
    byLower.remove("id");
    return List.copyOf(byLower.values());
  }

  private Map<String, List<String>> byObject(EntityLevel level, List<String> recordIds) {
    List<String> objects = level == EntityLevel.USER ? config.userObjects() : List.of(SObjects.ACCOUNT);
    Map<String, List<String>> ids = new LinkedHashMap<>();
    for (String id : recordIds.stream().distinct().toList()) {
      String object = SObjects.of(id, level, config);
      if (objects.contains(object)) {
        ids.computeIfAbsent(object, o -> new ArrayList<>()).add(id);
      }
    }
    return ids;
  }

  /** A field of the row; Salesforce answers in the fields' own casing, so they are looked up ignoring case. */
  private static Function<String, Optional<String>> valueOf(JsonNode row) {
    Map<String, JsonNode> byLower = new HashMap<>();
    row.fields().forEachRemaining(field -> byLower.put(field.getKey().toLowerCase(Locale.ROOT), field.getValue()));
    return field -> text(byLower.get(field.toLowerCase(Locale.ROOT)));
  }

  /** Typed JSON as text: 120 (not 120.0) and 12000000 (not 1.2E7), true/false; null and "" are no value. */
  static Optional<String> text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return Optional.empty();
    }
    if (value.isNumber()) {
      return Optional.of(value.decimalValue().stripTrailingZeros().toPlainString());
    }
    String text = value.isValueNode() ? value.asText() : value.toString();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }
}
