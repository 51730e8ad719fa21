package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.spi.PqlFields;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  static @Nullable String iso(@Nullable Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static String truncate(String reasons) {
    return reasons.length() <= REASONS_MAX ? reasons : reasons.substring(0, REASONS_MAX - 1) + "…";
  }
}
