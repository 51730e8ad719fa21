package io.github.pqlconnector.bench;

import io.github.pqlconnector.demo.DemoDataset;
import io.github.pqlconnector.demo.DemoFiles;
import io.github.pqlconnector.demo.DemoSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's input: {@link DemoSpec#benchmark()} as plain JSON Lines under {@code <dir>/data}, generated
 * once and reused while a marker file says it was made from the same spec, "now" and format. Also renders
 * the bundled demo config so it points at these files.
 */
final class BenchData {
  /** Bump when the generator's output changes, so old benchmark data is regenerated. */
  private static final String FORMAT = "demo-v1";

  private BenchData() {}

  /** Generates the data unless a matching marker says it is already there; says which on {@code out}. */
  static void prepare(Path dir, DemoSpec spec, Instant now, PrintStream out) throws IOException {
    Path data = dir.resolve("data");
    Path marker = data.resolve("bench-data.marker");
    String expected = FORMAT + " " + spec + " now=" + now + System.lineSeparator();
    if (Files.isRegularFile(marker) && Files.readString(marker).equals(expected)
        && Files.isRegularFile(data.resolve("events.jsonl"))) {
      out.printf("data:    reusing %s (%s)%n", data, mib(Files.size(data.resolve("events.jsonl"))));
      return;
    }
    Files.deleteIfExists(marker);
    long started = System.nanoTime();
    DemoFiles files = DemoDataset.generate(spec, data, now, false);
    Files.writeString(marker, expected);
    out.printf("data:    generated %,d events into %s (%s) in %.1f s%n", files.eventsWritten(), data,
        mib(Files.size(files.events())), (System.nanoTime() - started) / 1e9);
  }

  /** The demo's own config ({@code /demo/pql-demo.yaml} from connector-app), reading plain events from dir. */
  static String config(Path dir) throws IOException {
    try (InputStream in = BenchData.class.getResourceAsStream("/demo/pql-demo.yaml")) {
      if (in == null) {
        throw new IllegalStateException("/demo/pql-demo.yaml is not on the class path (connector-app)");
      }
      String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return template.replace("events.jsonl.gz", "events.jsonl")
          .replace("@DIR@", dir.toAbsolutePath().toString().replace('\\', '/'));
    }
  }

  /**
   * One column of a trait file under {@code <dir>/data} ({@code users.csv} emails, {@code accounts.csv} domains), in
   * file order: what a benchmark seeds its CRM fake with, so every record the run pushes exists there.
   */
  static List<String> column(Path dir, String file, String column) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("data").resolve(file), StandardCharsets.UTF_8);
    int index = cells(lines.get(0)).indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException(file + " has no column " + column);
    }
    return lines.stream().skip(1).filter(line -> !line.isEmpty()).map(line -> cells(line).get(index)).toList();
  }

  /** The cells of one RFC 4180 line as the demo writes them (quoted when holding a comma or quote, no line breaks). */
  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  private static String mib(long bytes) {
    return String.format("%,d MiB", bytes >> 20);
  }
}
