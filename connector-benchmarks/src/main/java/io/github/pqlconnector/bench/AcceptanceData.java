package io.github.pqlconnector.bench;

import io.github.pqlconnector.demo.DemoDataset;
import io.github.pqlconnector.demo.DemoFiles;
import io.github.pqlconnector.demo.DemoSpec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The acceptance file of issue 15: {@link #SPEC} (11.2 million events, 29,290 users in 2,930 accounts, 60 days) from
 * the demo generator, then rewritten line by line to carry what the demo's lines lack. Every {@code message_sent}
 * gets a numeric property {@code chars} (the demo has no number to {@code sum}), and every line a {@code messageId}
 * of 16 hex digits as analytics exports carry one. That takes the lines from about 130 to about 167 bytes, the size
 * of the issue's file (1.87 GB). Deterministic for a given spec and "now".
 *
 * <p>"Now" is 00:00 UTC of the day the data is generated, so the 30-day window of a run that day holds 29 full days of
 * events; the data is reused that day (a marker file names the spec, "now" and the format) and regenerated on the next.
 */
final class AcceptanceData {
  static final DemoSpec SPEC = new DemoSpec(2_930, 29_290, 11_200_000, 60, 15);
  /** Bump when the rewrite's output changes, so old data is regenerated. */
  private static final String FORMAT = "acceptance-v1";
  private static final String CONFIG = "/acceptance/pql-acceptance.yaml";
  private static final byte[] MESSAGE_SENT = "{\"event\":\"message_sent\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CHARS = ",\"chars\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MESSAGE_ID = ",\"messageId\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private AcceptanceData() {}

  /** The data's "now": the start of the current UTC day. */
  static Instant dataNow(Instant clock) {
    return clock.truncatedTo(ChronoUnit.DAYS);
  }

  /**
   * Generates {@code <dir>/data/{events.jsonl,users.csv,accounts.csv}} unless a matching marker says they are there,
   * then writes the config to {@code <dir>/pql-acceptance.yaml} and returns its path.
   */
  static Path prepare(Path dir, DemoSpec spec, Instant now, PrintStream out) throws IOException {
    Path data = dir.resolve("data");
    Path marker = data.resolve("acceptance.marker");
    Path events = data.resolve("events.jsonl");
    String expected = FORMAT + " " + spec + " now=" + now + System.lineSeparator();
    if (Files.isRegularFile(marker) && Files.readString(marker).equals(expected) && Files.isRegularFile(events)) {
      out.printf("data:    reusing %s (%,d MiB)%n", data, Files.size(events) >> 20);
    } else {
      generate(data, spec, now, out);
      Files.writeString(marker, expected);
    }
    Path config = dir.resolve("pql-acceptance.yaml");
    Files.writeString(config, config(dir));
    return config;
  }

  private static void generate(Path data, DemoSpec spec, Instant now, PrintStream out) throws IOException {
    Files.deleteIfExists(data.resolve("acceptance.marker"));
    long started = System.nanoTime();
    Path raw = data.resolve("demo");
    DemoFiles files = DemoDataset.generate(spec, raw, now, false);
    for (String name : new String[] {"users.csv", "accounts.csv"}) {
      Files.move(raw.resolve(name), data.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    long lines = rewrite(files.events(), data.resolve("events.jsonl"), spec.seed());
    Files.delete(files.events());
    Files.deleteIfExists(files.outcomes());
    Files.deleteIfExists(raw);
    out.printf("data:    generated %,d events into %s (%,d MiB) in %.1f s%n", lines, data,
        Files.size(data.resolve("events.jsonl")) >> 20, (System.nanoTime() - started) / 1e9);
  }

  /** Copies the demo's lines, adding {@code chars} to message_sent's properties and a messageId to every line. */
  static long rewrite(Path from, Path to, long seed) throws IOException {
    byte[] buffer = new byte[1 << 20];
    long lineNo = 0;
    try (InputStream in = Files.newInputStream(from);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(to), 1 << 20)) {
      int kept = 0;
      for (int read; (read = in.read(buffer, kept, buffer.length - kept)) > 0; ) {
        int end = kept + read;
        int start = 0;
        for (int nl = indexOf(buffer, start, end); nl >= 0; nl = indexOf(buffer, start, end)) {
          line(out, buffer, start, nl, mix(seed, lineNo++));
          start = nl + 1;
        }
        kept = end - start;
        System.arraycopy(buffer, start, buffer, 0, kept);
      }
      if (kept > 0) {
        throw new IOException(from + " does not end with a newline");
      }
    }
    return lineNo;
  }

  /** One line {@code [start, end)} (an object that ends in '}'), rewritten; {@code random} picks chars and the id. */
  private static void line(OutputStream out, byte[] b, int start, int end, long random) throws IOException {
    int body = end - 1;
    if (startsWith(b, start, end, MESSAGE_SENT) && b[body - 1] == '}') {
      out.write(b, start, body - 1 - start);
      out.write(CHARS);
      out.write(Long.toString(8 + Math.floorMod(random >>> 40, 400)).getBytes(StandardCharsets.US_ASCII));
      out.write('}');
    } else {
      out.write(b, start, body - start);
    }
    out.write(MESSAGE_ID);
    for (int shift = 60; shift >= 0; shift -= 4) {
      out.write(HEX[(int) (random >>> shift) & 0xf]);
    }
    out.write('"');
    out.write('}');
    out.write('\n');
  }

  private static boolean startsWith(byte[] b, int start, int end, byte[] prefix) {
    if (end - start < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[start + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] b, int from, int end) {
    for (int i = from; i < end; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** SplitMix64 of the line number: reproducible, well spread. */
  private static long mix(long seed, long lineNo) {
    long z = seed * 0x9E3779B97F4A7C15L + (lineNo + 1) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The acceptance config with {@code @DIR@} replaced by dir. */
  static String config(Path dir) throws IOException {
    try (InputStream in = AcceptanceData.class.getResourceAsStream(CONFIG)) {
      if (in == null) {
        throw new IllegalStateException(CONFIG + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("@DIR@", dir.toAbsolutePath().toString().replace('\\', '/'));
    }
  }
}
