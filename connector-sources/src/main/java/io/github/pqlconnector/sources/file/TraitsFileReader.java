package io.github.pqlconnector.sources.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.TraitsSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a traits file: CSV with a header row, or JSON Lines (by extension, {@code .gz} allowed). Each row
 * needs an {@code id}; every other scalar column becomes a trait. Bad rows (not UTF-8, not parseable, no id) are
 * rejected one by one with {@code file:line} and the file goes on; an empty file has no traits.
 */
final class TraitsFileReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CsvMapper CSV = new CsvMapper();

  private TraitsFileReader() {}

  static void read(Path file, EntityLevel level, TraitsSink sink) throws IOException {
    String name = file.getFileName().toString().replaceFirst("\\.gz$", "");
    try (InputStream in = Inputs.open(file)) {
      if (name.endsWith(".csv")) {
        readCsv(in, file, level, sink);
      } else {
        readJsonLines(in, file, level, sink);
      }
    }
  }

  /**
   * Decodes leniently (a byte that is not UTF-8 becomes {@link Utf8#BAD}) so one bad byte costs its row, not the
   * file; the row is rejected when any of its values holds the marker.
   */
  private static void readCsv(InputStream in, Path file, EntityLevel level, TraitsSink sink) throws IOException {
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    PushbackInputStream peek = new PushbackInputStream(in, 1);
    int first = peek.read();
    if (first < 0) {
      return;
    }
    peek.unread(first);
    try (MappingIterator<Map<String, String>> rows = located(file, () -> CSV.readerForMapOf(String.class).with(schema)
        .readValues(Utf8.lenientReader(peek)))) {
      long line = 2;
      while (located(file, rows::hasNextValue)) {
        Map<String, String> row;
        try {
          row = rows.next();
        } catch (RuntimeException e) {
          sink.reject(file.getFileName() + ":" + line, "not a valid CSV row: " + firstLine(e.getMessage()));
          line = rows.getCurrentLocation().getLineNr();
          continue;
        }
        if (row.values().stream().anyMatch(Utf8::hasBad) || row.keySet().stream().anyMatch(Utf8::hasBad)) {
          sink.reject(file.getFileName() + ":" + line, Utf8.PROBLEM);
        } else {
          emit(new HashMap<>(row), file, line, level, sink);
        }
        line = rows.getCurrentLocation().getLineNr();
      }
    }
  }

  private interface CsvStep<T> {
    T run() throws IOException;
  }

  /** A header (or a quote left open) that cannot be read leaves no row to read: that fails the file, with where. */
  private static <T> T located(Path file, CsvStep<T> step) throws IOException {
    try {
      return step.run();
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      throw new IOException(file.getFileName() + ":" + line + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static void readJsonLines(InputStream in, Path file, EntityLevel level, TraitsSink sink) throws IOException {
    LineScanner.scan(in, (bytes, offset, length, line) -> {
      JsonNode node;
      String text = Utf8.strict(bytes, offset, length);
      if (text == null) {
        sink.reject(file.getFileName() + ":" + line, Utf8.PROBLEM);
        return;
      }
      try {
        node = JSON.readTree(text);
      } catch (IOException e) {
        sink.reject(file.getFileName() + ":" + line, "not valid JSON");
        return;
      }
      if (!node.isObject()) {
        sink.reject(file.getFileName() + ":" + line, "not a JSON object");
        return;
      }
      Map<String, String> values = new HashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().isValueNode() && !field.getValue().isNull()) {
          values.put(field.getKey(), field.getValue().asText());
        }
      }
      emit(values, file, line, level, sink);
    });
  }

  private static void emit(Map<String, String> values, Path file, long line, EntityLevel level, TraitsSink sink) {
    String id = values.remove("id");
    if (id == null || id.isBlank()) {
      sink.reject(file.getFileName() + ":" + line, "missing \"id\"");
      return;
    }
    values.values().removeIf(v -> v == null || v.isEmpty());
    sink.accept(new Traits(new EntityRef(level, id.trim()), values));
  }
}
