package io.github.pqlconnector.core.destination.csv;

import io.github.pqlconnector.core.spi.PqlFields;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The PQL fields of a row as the file holds them now. A cell someone emptied reads as empty; a cell that is not a
 * number or a datetime reads as a value no verdict has (score -1, activation NaN, qualified-at at the epoch), so
 * reconciliation sees it as drift and writes the row again.
 */
final class CsvRows {
  private CsvRows() {}

  static PqlFields fields(Map<String, String> row) {
    String reasons = cell(row, "pql_reasons");
    List<String> lines = reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\r?\n"));
    String type = cell(row, "pql_type");
    Instant evaluatedAt = instant(cell(row, "pql_evaluated_at"));
    return new PqlFields(cell(row, "pql_status"), score(cell(row, "pql_score")), type.isEmpty() ? null : type,
        lines, activation(cell(row, "pql_activation_pct")), instant(cell(row, "pql_qualified_at")),
        evaluatedAt == null ? Instant.EPOCH : evaluatedAt);
  }

  private static String cell(Map<String, String> row, String column) {
    String value = row.get(column);
    return value == null ? "" : value.strip();
  }

  private static int score(String text) {
    try {
      return text.isEmpty() ? 0 : (int) Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static double activation(String text) {
    try {
      return text.isEmpty() ? 0 : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static @Nullable Instant instant(String text) {
    try {
      return text.isEmpty() ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
