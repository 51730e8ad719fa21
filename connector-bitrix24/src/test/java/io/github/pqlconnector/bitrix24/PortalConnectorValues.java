package io.github.pqlconnector.bitrix24;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * The PQL fields a {@link FakePortal} item holds, read back in the connector's names and formats for {@link
 * Bitrix24CrmFake#records()}: enumeration item ids as their codes, plain numbers, ISO instants to the second.
 */
final class PortalConnectorValues {
  /** The connector's field names and the portal's user fields they are written to. */
  static final Map<String, String> FIELDS = Map.of("pql_status", Bitrix24Fields.STATUS,
      "pql_score", Bitrix24Fields.SCORE, "pql_type", Bitrix24Fields.TYPE, "pql_reasons", Bitrix24Fields.REASONS,
      "pql_activation_pct", Bitrix24Fields.ACTIVATION_PCT, "pql_qualified_at", Bitrix24Fields.QUALIFIED_AT);

  private PortalConnectorValues() {}

  /** The fields held ({@code held}, by user field) of one item of {@code entity}; empty ones left out. */
  static Map<String, String> of(FakePortal portal, String entity, Map<String, String> held) {
    Map<String, String> fields = new TreeMap<>();
    FIELDS.forEach((ours, name) -> {
      String value = held.get(name);
      if (value != null && !value.isEmpty()) {
        fields.put(ours, value(portal, entity, name, value));
      }
    });
    return fields;
  }

  private static String value(FakePortal portal, String entity, String name, String value) {
    if (name.equals(Bitrix24Fields.STATUS) || name.equals(Bitrix24Fields.TYPE)) {
      return portal.userFields.enumCode(entity, name, value);
    }
    if (name.equals(Bitrix24Fields.ACTIVATION_PCT) || name.equals(Bitrix24Fields.SCORE)) {
      return new BigDecimal(value).stripTrailingZeros().toPlainString();
    }
    if (name.equals(Bitrix24Fields.QUALIFIED_AT)) {
      return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    }
    return value;
  }
}
