package io.github.pqlconnector.app.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Prints the top PQLs as the CSV destination wrote them: what a sales rep would see on the records. */
final class DemoTopList {
  private DemoTopList() {}

  static void print(PrintWriter out, Path outDir, int top) throws IOException {
    for (String level : List.of("account", "user")) {
      List<Map<String, String>> pqls = read(outDir.resolve(level + "s.csv")).stream()
          .filter(r -> "pql".equals(r.get("pql_status")))
          .sorted(Comparator.comparingInt((Map<String, String> r) -> Integer.parseInt(r.get("pql_score"))).reversed()
              .thenComparing(r -> r.get("record_key")))
          .toList();
      out.printf("%ntop %s PQLs (%d in all):%n", level, pqls.size());
      for (Map<String, String> row : pqls.subList(0, Math.min(top, pqls.size()))) {
        out.printf("  %-34s score %3s  %s%n", row.get("record_key") + " (" + row.get("entity_id") + ")",
            row.get("pql_score"), row.get("pql_type"));
        for (String reason : row.get("pql_reasons").split("\n")) {
          out.println("      - " + reason);
        }
      }
    }
  }

  private static List<Map<String, String>> read(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    if (!Files.exists(file)) {
      return rows;
    }
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class).with(schema)
        .readValues(file.toFile())) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }
}
