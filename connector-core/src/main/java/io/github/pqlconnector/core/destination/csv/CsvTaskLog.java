package io.github.pqlconnector.core.destination.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code tasks.csv}: one appended row per task, keyed by idempotency key, so a retried task is found, not added. */
final class CsvTaskLog implements AutoCloseable {
  static final List<String> COLUMNS = List.of("task_key", "task_id", "level", "entity_id", "record_id", "owner",
      "due_at", "subject", "body");
  private static final CsvMapper CSV = new CsvMapper();

  private final Path file;
  private final Map<String, String> idsByKey = new HashMap<>();

  CsvTaskLog(Path file) {
    this.file = file;
    if (Files.exists(file)) {
      CsvSchema schema = CsvSchema.emptySchema().withHeader();
      try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(schema).readValues(file.toFile())) {
        it.forEachRemaining(row -> idsByKey.put(row.get("task_key"), row.get("task_id")));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
  }

  Optional<String> find(String key) {
    return Optional.ofNullable(idsByKey.get(key));
  }

  int size() {
    return idsByKey.size();
  }

  /** Appends the row with one write call, so a process killed mid-task leaves whole rows only. */
  String append(Map<String, String> row) {
    try {
      boolean fresh = !Files.exists(file) || Files.size(file) == 0;
      String text = CSV.writer(schema(fresh)).writeValueAsString(row);
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
    idsByKey.put(row.get("task_key"), row.get("task_id"));
    return row.get("task_id");
  }

  private static CsvSchema schema(boolean withHeader) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(withHeader);
    COLUMNS.forEach(schema::addColumn);
    return schema.build();
  }

  @Override
  public void close() {}
}
