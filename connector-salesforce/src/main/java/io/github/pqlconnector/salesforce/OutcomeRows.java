package io.github.pqlconnector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.Outcome;
import io.github.pqlconnector.core.spi.OutcomeBatch;
import io.github.pqlconnector.core.spi.OutcomeCollector;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * What one outcome read collects: the conversions, one per key (a contact on two roles of one opportunity counts
 * once, and the state store takes each key once per batch), and the rows that could not be read. Also reads the
 * values of SOQL rows: dates ({@code 2026-11-03}, midnight UTC) and datetimes ({@code 2026-11-03T10:15:30.000+0000}).
 */
final class OutcomeRows {
  private static final DateTimeFormatter SOQL_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX][XX][X]");

  private final OutcomeCollector collected = new OutcomeCollector();

  /** The conversion {@code source} of the record {@code recordId}; nothing when the record is empty. */
  void add(String source, EntityLevel level, @Nullable String recordId, Instant convertedAt, @Nullable Double amount) {
    if (recordId != null) {
      collected.add(Outcome.ofRecord(source, level, recordId, convertedAt, amount));
    }
  }

  void reject(String source, String problem) {
    collected.reject(source, problem);
  }

  OutcomeBatch batch(String cursor) {
    return collected.batch(cursor);
  }

  /** A field's text, or null when the field is null, missing or empty. */
  static @Nullable String text(JsonNode row, String field) {
    JsonNode value = row.path(field);
    return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
  }

  static @Nullable Double number(JsonNode row, String field) {
    JsonNode value = row.path(field);
    return value.isNumber() ? value.asDouble() : null;
  }

  /** A date field at 00:00 UTC, or null when it is empty or not a date. */
  static @Nullable Instant date(JsonNode row, String field) {
    String text = text(row, field);
    try {
      return text == null ? null : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static @Nullable Instant dateTime(JsonNode row, String field) {
    String text = text(row, field);
    try {
      return text == null ? null : OffsetDateTime.parse(text, SOQL_DATETIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** What a date field that cannot be read is rejected for. */
  static String noDate(JsonNode row, String field) {
    String text = text(row, field);
    return text == null ? "no " + field : field + " is not a date (yyyy-MM-dd): '" + text + "'";
  }
}
