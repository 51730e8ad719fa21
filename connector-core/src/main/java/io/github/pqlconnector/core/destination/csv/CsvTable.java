package io.github.pqlconnector.core.destination.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file used as a keyed table: loaded once, rows replaced by key, written back atomically (temp file
 * then rename) so a crash leaves either the old or the new file, never half of one.
 */
final class CsvTable {
  private static final CsvMapper CSV = new CsvMapper();

  private final Path file;
  private final List<String> columns;
  private final String keyColumn;
  private final Map<String, Map<String, String>> rows = new LinkedHashMap<>();

  CsvTable(Path file, List<String> columns, String keyColumn) {
    this.file = file;
    this.columns = List.copyOf(columns);
    this.keyColumn = keyColumn;
    load();
  }

  boolean contains(String key) {
    return rows.containsKey(key);
  }

  Map<String, String> get(String key) {
    return rows.get(key);
  }

  void put(Map<String, String> row) {
    rows.put(row.get(keyColumn), row);
  }

  int size() {
    return rows.size();
  }

  void save() {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      CSV.writer(schema.build()).writeValues(out).writeAll(rows.values()).close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + temp, e);
    }
    try {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + file, e);
    }
  }

  private void load() {
    if (!Files.exists(file)) {
      return;
    }
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(schema).readValues(file.toFile())) {
      while (it.hasNext()) {
        put(new LinkedHashMap<>(it.next()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
