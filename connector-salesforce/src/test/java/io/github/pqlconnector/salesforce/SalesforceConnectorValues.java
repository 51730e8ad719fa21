package io.github.pqlconnector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The PQL fields of {@link SalesforceFake}'s records between the connector's names and formats ({@code pql_score},
 * plain numbers, ISO instants to the second) and the org's ({@code PQL_Score__c}, JSON numbers, Salesforce's
 * {@code 2026-11-30T12:00:00.000+0000}), for {@link io.github.pqlconnector.core.testing.CrmFake}'s read-back.
 */
final class SalesforceConnectorValues {
  static final Map<String, String> NAMES = Map.of("pql_status", SalesforceFields.STATUS,
      "pql_score", SalesforceFields.SCORE, "pql_type", SalesforceFields.TYPE, "pql_reasons", SalesforceFields.REASONS,
      "pql_activation_pct", SalesforceFields.ACTIVATION_PCT, "pql_qualified_at", SalesforceFields.QUALIFIED_AT);
  private static final DateTimeFormatter SOQL_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

  private SalesforceConnectorValues() {}

  /** Every row's PQL fields in the connector's names and formats, by match value; unset fields left out. */
  static Map<String, Map<String, String>> records(List<SalesforceOrgRecords.Row> rows) {
    Map<String, Map<String, String>> records = new TreeMap<>();
    for (SalesforceOrgRecords.Row row : rows) {
      Map<String, String> fields = new TreeMap<>();
      NAMES.forEach((ours, theirs) -> {
        JsonNode value = row.fields().get(theirs);
        if (value != null && !value.isNull()) {
          fields.put(ours, readable(theirs, value));
        }
      });
      records.put(row.key(), fields);
    }
    return records;
  }

  /** A value someone else writes to the connector's field, as the org's API takes it (numbers as numbers). */
  static JsonNode stored(String connectorField, String value) {
    String name = NAMES.get(connectorField);
    return name.equals(SalesforceFields.SCORE) || name.equals(SalesforceFields.ACTIVATION_PCT)
        ? JsonNodeFactory.instance.numberNode(new BigDecimal(value)) : JsonNodeFactory.instance.textNode(value);
  }

  /** A stored value in the connector's format: plain numbers, ISO instants to the second. */
  private static String readable(String field, JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue().stripTrailingZeros().toPlainString();
    }
    if (field.equals(SalesforceFields.QUALIFIED_AT)) {
      Instant at = OffsetDateTime.parse(value.asText(), SOQL_DATETIME).toInstant();
      return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }
    return value.asText();
  }
}
