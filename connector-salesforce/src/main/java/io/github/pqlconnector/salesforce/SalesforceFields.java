package io.github.pqlconnector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.spi.PqlFields;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The PQL custom fields on Contact, Lead and Account ({@code PQL_Status__c} …), the task key on Task (defined on
 * Activity, as Task custom fields are), and the values a {@link PqlFields} becomes. An absent value is {@code null}
 * in JSON, which clears the field; in Bulk CSV it is {@code #N/A} (an empty CSV cell leaves the field unchanged).
 */
final class SalesforceFields {
  static final String STATUS = "PQL_Status__c";
  static final String SCORE = "PQL_Score__c";
  static final String TYPE = "PQL_Type__c";
  static final String REASONS = "PQL_Reasons__c";
  static final String ACTIVATION_PCT = "PQL_Activation_Pct__c";
  static final String QUALIFIED_AT = "PQL_Qualified_At__c";
  static final String EVALUATED_AT = "PQL_Evaluated_At__c";
  static final String TASK_KEY = "PQL_Task_Key__c";
  /** Task custom fields are created on the Activity object and appear on Task's describe. */
  static final String TASK_FIELDS_OBJECT = "Activity";
  static final int REASONS_MAX = 32_768;
  /** How SOQL returns datetimes ({@code 2026-10-01T09:00:00.000+0000}); ISO forms with {@code Z} are read too. */
  private static final DateTimeFormatter SOQL_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX][XX][X]");

  private SalesforceFields() {}

  static List<FieldSpec> recordFields() {
    return List.of(
        FieldSpec.picklist(STATUS, "PQL Status", List.of("pql", "warm", "cold", "not_fit")),
        FieldSpec.number(SCORE, "PQL Score", 3, 0),
        FieldSpec.text(TYPE, "PQL Type", 80),
        FieldSpec.longText(REASONS, "PQL Reasons"),
        FieldSpec.number(ACTIVATION_PCT, "PQL Activation %", 5, 2),
        FieldSpec.dateTime(QUALIFIED_AT, "PQL Qualified At"),
        FieldSpec.dateTime(EVALUATED_AT, "PQL Evaluated At"));
  }

  static FieldSpec taskKey() {
    return FieldSpec.text(TASK_KEY, "PQL Task Key", 255);
  }

  /** The field values of one update, every PQL field present (null clears). */
  static Map<String, @Nullable Object> values(PqlFields fields) {
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    values.put(STATUS, fields.status());
    values.put(SCORE, fields.score());
    values.put(TYPE, fields.type());
    values.put(REASONS, truncate(fields.reasonsText()));
    values.put(ACTIVATION_PCT, fields.activationPct());
    values.put(QUALIFIED_AT, iso(fields.qualifiedAt()));
    values.put(EVALUATED_AT, iso(fields.evaluatedAt()));
    return values;
  }

  /** The field names in CSV column order, matching {@link #values}. */
  static List<String> names() {
    return List.of(STATUS, SCORE, TYPE, REASONS, ACTIVATION_PCT, QUALIFIED_AT, EVALUATED_AT);
  }

  /**
   * The PQL fields of a SOQL row: numbers as JSON numbers, datetimes as {@code 2026-10-01T09:00:00.000+0000}, an
   * empty field as {@code null}. A value that is not a number or a datetime reads as one no verdict has (drift).
   */
  static PqlFields read(JsonNode row) {
    String reasons = row.path(REASONS).asText("");
    return new PqlFields(row.path(STATUS).asText(""), (int) number(row.path(SCORE), -1),
        row.path(TYPE).isTextual() && !row.path(TYPE).asText().isBlank() ? row.path(TYPE).asText() : null,
        reasons.isBlank() ? List.of() : List.of(reasons.split("\\r?\\n")), number(row.path(ACTIVATION_PCT), Double.NaN),
        instant(row.path(QUALIFIED_AT)), Optional.ofNullable(instant(row.path(EVALUATED_AT))).orElse(Instant.EPOCH));
  }

  /** What Salesforce keeps of written fields: reasons cut at the long text area's length, as {@link #values} sends. */
  static PqlFields asStored(PqlFields written) {
    String reasons = truncate(written.reasonsText());
    return reasons.equals(written.reasonsText()) ? written : new PqlFields(written.status(), written.score(),
        written.type(), List.of(reasons.split("\n")), written.activationPct(), written.qualifiedAt(),
        written.evaluatedAt());
  }

  private static double number(JsonNode value, double unreadable) {
    if (value.isMissingNode() || value.isNull()) {
      return 0;
    }
    return value.isNumber() ? value.asDouble() : unreadable;
  }

  private static @Nullable Instant instant(JsonNode value) {
    if (!value.isTextual() || value.asText().isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.asText(), SOQL_DATETIME).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  static @Nullable String iso(@Nullable Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static String truncate(String reasons) {
    return reasons.length() <= REASONS_MAX ? reasons : reasons.substring(0, REASONS_MAX - 1) + "…";
  }
}
