package io.github.pqlconnector.sources.file;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a traits file: CSV with a header row, or JSON Lines (by extension, {@code .gz} allowed). Each row
 * needs an {@code id}; every other scalar column becomes a trait. Bad rows are rejected with their line.
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

  private static void readCsv(InputStream in, Path file, EntityLevel level, TraitsSink sink) throws IOException {
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(schema).readValues(in)) {
      long line = 1;
      while (rows.hasNext()) {
        line = rows.getCurrentLocation().getLineNr();
        Map<String, String> row;
        try {
          row = rows.next();
        } catch (RuntimeException e) {
          sink.reject(file.getFileName() + ":" + line, "not a valid CSV row");
          continue;
        }
        emit(new HashMap<>(row), file, line, level, sink);
      }
    }
  }

  private static void readJsonLines(InputStream in, Path file, EntityLevel level, TraitsSink sink) throws IOException {
    LineScanner.scan(in, (bytes, offset, length, line) -> {
      JsonNode node;
      try {
        node = JSON.readTree(new String(bytes, offset, length, StandardCharsets.UTF_8));
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
