package io.github.pqlconnector.core.destination.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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
  private SequenceWriter writer;

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

  String append(Map<String, String> row) {
    try {
      writer().write(row);
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
    idsByKey.put(row.get("task_key"), row.get("task_id"));
    return row.get("task_id");
  }

  private SequenceWriter writer() throws IOException {
    if (writer == null) {
      boolean fresh = !Files.exists(file) || Files.size(file) == 0;
      CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(fresh);
      COLUMNS.forEach(schema::addColumn);
      Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      writer = CSV.writer(schema.build()).writeValues(out);
    }
    return writer;
  }

  @Override
  public void close() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close " + file, e);
      }
    }
  }
}
