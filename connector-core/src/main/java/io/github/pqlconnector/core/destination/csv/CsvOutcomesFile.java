package io.github.pqlconnector.core.destination.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.Outcome;
import io.github.pqlconnector.core.spi.OutcomeBatch;
import io.github.pqlconnector.core.spi.OutcomeReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Outcomes from a file, for the csv destination and the demo: a header {@code level,id,converted_at} and optionally
 * {@code amount}; {@code id} is the entity id as in {@code pql explain}, {@code converted_at} a date ({@code
 * 2026-11-30}, midnight UTC) or an ISO-8601 instant. The file is read whole each time (a row read again replaces
 * itself); a row that cannot be read is rejected with its line and the rest are read.
 */
final class CsvOutcomesFile implements OutcomeReader {
  private static final CsvMapper CSV = new CsvMapper();
  private static final List<String> REQUIRED = List.of("level", "id", "converted_at");

  private final Path file;
  private final String configPath;

  CsvOutcomesFile(Path file, String configPath) {
    this.file = file;
    this.configPath = configPath;
  }

  @Override
  public OutcomeBatch read(@Nullable String cursor, Instant firstReadFrom) {
    if (!Files.isRegularFile(file)) {
      throw ConfigException.of(configPath, "no outcomes file " + file);
    }
    List<Outcome> outcomes = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    long[] rejectedCount = {0};
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
      checkHeader(rows);
      while (rows.hasNextValue()) {
        int line = rows.getCurrentLocation().getLineNr();
        Map<String, String> row = rows.nextValue();
        String problem = parse(row, outcomes);
        if (problem != null && rejectedCount[0]++ < OutcomeBatch.SAMPLES) {
          rejected.add(file.getFileName() + ":" + line + ": " + problem);
        }
      }
    } catch (ConfigException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ConfigException.of(configPath, "cannot read " + file + ": " + e.getMessage());
    }
    return new OutcomeBatch(outcomes, null, rejectedCount[0], rejected);
  }

  private void checkHeader(MappingIterator<Map<String, String>> rows) {
    CsvSchema schema = (CsvSchema) rows.getParserSchema();
    List<String> missing = REQUIRED.stream().filter(c -> schema.column(c) == null).toList();
    if (!missing.isEmpty() && rows.hasNext()) {
      throw ConfigException.of(configPath, file + " has no " + String.join(", ", missing) + " column (its header"
          + " must be level,id,converted_at and optionally amount)");
    }
  }

  /** Adds the row's outcome, or says what is wrong with it. */
  private static @Nullable String parse(Map<String, String> row, List<Outcome> outcomes) {
    String id = cell(row, "id");
    if (id.isEmpty()) {
      return "no id";
    }
    EntityLevel level;
    try {
      level = EntityLevel.fromId(cell(row, "level").toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return "level must be user or account, got '" + cell(row, "level") + "'";
    }
    Instant at = instant(cell(row, "converted_at"));
    if (at == null) {
      return "converted_at must be a date (2026-11-30) or an ISO-8601 instant, got '" + cell(row, "converted_at")
          + "'";
    }
    String amountText = cell(row, "amount");
    Double amount = amountText.isEmpty() ? null : amount(amountText);
    if (!amountText.isEmpty() && amount == null) {
      return "amount must be a number of at least 0, got '" + amountText + "'";
    }
    outcomes.add(new Outcome("file " + level.id() + " " + id + " at " + at, level, null, id, at, amount));
    return null;
  }

  private static @Nullable Instant instant(String text) {
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static @Nullable Double amount(String text) {
    try {
      double value = Double.parseDouble(text);
      return value >= 0 && Double.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String cell(Map<String, String> row, String column) {
    String value = row.get(column);
    return value == null ? "" : value.strip();
  }
}
