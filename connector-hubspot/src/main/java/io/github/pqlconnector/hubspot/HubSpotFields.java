package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.hubspot.api.ObjectResponse;
import io.github.pqlconnector.hubspot.api.PropertyCreateRequest;
import io.github.pqlconnector.hubspot.api.PropertyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The PQL properties on HubSpot records: their names, their definitions for {@code pql setup}, and the string values
 * a {@link PqlFields} becomes. Datetimes are sent as epoch milliseconds, the form HubSpot documents for {@code
 * datetime} properties (crm-apis.md §1.7; ISO strings are only second-hand confirmed for the CRM API). An absent
 * value is sent as {@code ""}, which clears the property.
 */
final class HubSpotFields {
  static final String GROUP = "pql";
  static final String GROUP_LABEL = "Product-qualified lead";
  static final String STATUS = "pql_status";
  static final String SCORE = "pql_score";
  static final String TYPE = "pql_type";
  static final String REASONS = "pql_reasons";
  static final String ACTIVATION_PCT = "pql_activation_pct";
  static final String QUALIFIED_AT = "pql_qualified_at";
  static final String EVALUATED_AT = "pql_evaluated_at";
  static final String TASK_KEY = "pql_task_key";
  static final String OWNER_ID = "hubspot_owner_id";

  /** The PQL properties, in the order {@link #values} writes them: what reconciliation reads back. */
  static final List<String> PQL_PROPERTIES = List.of(STATUS, SCORE, TYPE, REASONS, ACTIVATION_PCT, QUALIFIED_AT,
      EVALUATED_AT);

  private HubSpotFields() {}

  /**
   * The PQL fields a record holds, as {@code batch/read} returns them: strings or {@code null}, numbers as HubSpot
   * formats them ({@code "80"}, {@code "80.0"}), datetimes as ISO 8601 or epoch milliseconds. A value that is not a
   * number or a date reads as one no verdict has, so it counts as drift.
   */
  static PqlFields read(ObjectResponse record) {
    String reasons = record.property(REASONS).orElse("");
    return new PqlFields(record.property(STATUS).orElse(""), (int) ReadBack.number(record.property(SCORE), -1),
        record.property(TYPE).filter(t -> !t.isBlank()).orElse(null),
        reasons.isBlank() ? List.of() : List.of(reasons.split("\r?\n")),
        ReadBack.number(record.property(ACTIVATION_PCT), Double.NaN),
        ReadBack.instant(record.property(QUALIFIED_AT)).orElse(null),
        ReadBack.instant(record.property(EVALUATED_AT)).orElse(Instant.EPOCH));
  }

  /** The property values of one update, every PQL property present. */
  static Map<String, String> values(PqlFields fields) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(STATUS, fields.status());
    values.put(SCORE, Integer.toString(fields.score()));
    values.put(TYPE, fields.type() == null ? "" : fields.type());
    values.put(REASONS, fields.reasonsText());
    values.put(ACTIVATION_PCT, Double.toString(fields.activationPct()));
    values.put(QUALIFIED_AT, epochMillis(fields.qualifiedAt()));
    values.put(EVALUATED_AT, epochMillis(fields.evaluatedAt()));
    return values;
  }

  /** The PQL properties of contacts and companies, as {@code pql setup} creates them. */
  static List<PropertyCreateRequest> recordProperties() {
    return List.of(
        PropertyCreateRequest.enumeration(STATUS, "PQL status", GROUP, List.of(
            PropertyOption.of("pql", "PQL", 1), PropertyOption.of("warm", "Warm", 2),
            PropertyOption.of("cold", "Cold", 3), PropertyOption.of("not_fit", "Not a fit", 4)))
            .withDescription("Set by PQL Connector"),
        PropertyCreateRequest.number(SCORE, "PQL score", GROUP),
        PropertyCreateRequest.text(TYPE, "PQL type", GROUP),
        PropertyCreateRequest.textarea(REASONS, "PQL reasons", GROUP),
        PropertyCreateRequest.number(ACTIVATION_PCT, "PQL activation %", GROUP),
        PropertyCreateRequest.datetime(QUALIFIED_AT, "PQL qualified at", GROUP),
        PropertyCreateRequest.datetime(EVALUATED_AT, "PQL evaluated at", GROUP));
  }

  /** The task idempotency key: unique, so a search on it finds the task an earlier attempt created. */
  static PropertyCreateRequest taskKeyProperty() {
    return PropertyCreateRequest.text(TASK_KEY, "PQL task key", GROUP).withUniqueValues();
  }

  private static String epochMillis(@Nullable Instant instant) {
    return instant == null ? "" : Long.toString(instant.toEpochMilli());
  }
}
