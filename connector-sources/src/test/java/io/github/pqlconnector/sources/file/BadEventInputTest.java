package io.github.pqlconnector.sources.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.ReadRequest;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a new user's bad files do to a read: bounded memory, a failure instead of a hang, implausible times. */
class BadEventInputTest {
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  @TempDir Path dir;

  @Test
  void rejectedLinesTravelInBoundedBatchesEvenWithoutAnyGoodLine() throws Exception {
    String lines = "not json\n".repeat(10_000);
    try (BackgroundParser reader = new BackgroundParser(stream(lines),
        () -> new EventLineParser(Set.of(), TimestampRange.endingAt(NOW)), "events.jsonl")) {
      reader.start();
      long rejected = 0;
      for (BackgroundParser.Batch batch = reader.next(); batch != null; batch = reader.next()) {
        assertThat(batch.rejected().size() + batch.events().size()).isLessThanOrEqualTo(2048);
        rejected += batch.rejected().size();
      }
      assertThat(rejected).isEqualTo(10_000);
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void threeMillionMalformedLinesAreCountedAndOnlyASampleIsKept() throws IOException {
    Path file = dir.resolve("events.jsonl");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      byte[] bad = "{\"event\":\"message_sent\",\"timestamp\":\"yesterday\",\"userId\":\"u1\"}\n".getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 3_000_000; i++) {
        out.write(bad);
      }
    }
    AtomicLong rejected = new AtomicLong();
    List<String> samples = new ArrayList<>();
    EventSink sink = new EventSink() {
      @Override public void accept(Event event) {}
      @Override public void reject(String location, String problem) {
        if (rejected.incrementAndGet() <= 3) {
          samples.add(location);
        }
      }
    };
    new FileSource(new FileSourceConfig(file.toString(), null, null)).readEvents(request(), sink);
    assertThat(rejected).hasValue(3_000_000);
    assertThat(samples).containsExactly("events.jsonl:1", "events.jsonl:2", "events.jsonl:3");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void aReaderThatRunsOutOfMemoryFailsTheReadWithItsCauseInsteadOfHanging() throws IOException {
    Path file = Files.writeString(dir.resolve("events.jsonl"), "x\n");
    InputStream dying = new InputStream() {
      @Override public int read() {
        throw new OutOfMemoryError("Java heap space");
      }
    };
    assertThatThrownBy(() -> {
      try (BackgroundParser reader = new BackgroundParser(dying,
          () -> new EventLineParser(Set.of(), TimestampRange.endingAt(NOW)), "events.jsonl")) {
        reader.start();
        BackgroundParser.Batch batch = reader.next();
        assertThat(batch).isNotNull();
        throw new IllegalStateException("failure", batch.failure());
      }
    }).hasRootCauseInstanceOf(OutOfMemoryError.class);
    assertThat(file).exists();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void manyChunksOnTwoThreadsComeOutInFileOrderWithTheirLineNumbers() throws IOException {
    Path file = dir.resolve("events.jsonl");
    List<String> expectedRejected = new ArrayList<>();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (int line = 1; line <= 60_000; line++) {
        String text = line % 997 == 0 ? "not json" : line % 1_001 == 0 ? ""
            : "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"u" + line + "\"}";
        if (line % 997 == 0) {
          expectedRejected.add("events.jsonl:" + line);
        }
        out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
      }
      out.write("{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"last\"}".getBytes(StandardCharsets.UTF_8));
    }
    List<String> users = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    new FileSource(new FileSourceConfig(file.toString(), null, null)).readEvents(request(), new EventSink() {
      @Override public void accept(Event event) { users.add(event.userId()); }
      @Override public void reject(String location, String problem) { rejected.add(location); }
    });
    assertThat(rejected).isEqualTo(expectedRejected);
    assertThat(users).hasSize(60_000 - expectedRejected.size() - 59 + 1);
    assertThat(users.get(users.size() - 1)).isEqualTo("last");
    List<Integer> numbers = users.subList(0, users.size() - 1).stream().map(u -> Integer.parseInt(u.substring(1))).toList();
    assertThat(numbers).isSorted();
  }

  @Test
  void timestampsBefore2000OrMoreThanADayAheadAreRejectedWithAReason() throws IOException {
    long seconds = NOW.minusSeconds(3600).getEpochSecond();
    String lines = String.join("\n",
        "{\"event\":\"a\",\"timestamp\":" + seconds + ",\"userId\":\"u1\"}",
        "{\"event\":\"a\",\"timestamp\":5,\"userId\":\"u1\"}",
        "{\"event\":\"a\",\"timestamp\":\"1999-12-31T23:59:59Z\",\"userId\":\"u1\"}",
        "{\"event\":\"a\",\"timestamp\":\"2026-12-03T12:00:01Z\",\"userId\":\"u1\"}",
        "{\"event\":\"a\",\"timestamp\":\"2026-12-02T11:00:00Z\",\"userId\":\"u1\"}",
        "{\"event\":\"a\",\"timestamp\":\"2000-01-01T00:00:00Z\",\"userId\":\"u1\"}",
        "{\"event\":\"a\",\"timestamp\":" + seconds * 1000 + ",\"userId\":\"u1\"}");
    Path file = Files.writeString(dir.resolve("events.jsonl"), lines);
    List<String> rejected = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    new FileSource(new FileSourceConfig(file.toString(), null, null)).readEvents(request(), new EventSink() {
      @Override public void accept(Event event) { events.add(event); }
      @Override public void reject(String location, String problem) { rejected.add(location + " " + problem); }
    });
    assertThat(rejected).containsExactly(
        "events.jsonl:1 \"timestamp\" " + seconds + " looks like epoch seconds; write epoch milliseconds ("
            + seconds * 1000 + ") or ISO-8601",
        "events.jsonl:2 \"timestamp\" 1970-01-01T00:00:00.005Z is before 2000-01-01",
        "events.jsonl:3 \"timestamp\" 1999-12-31T23:59:59Z is before 2000-01-01",
        "events.jsonl:4 \"timestamp\" 2026-12-03T12:00:01Z is more than a day in the future");
    assertThat(events).hasSize(3);
  }

  private static ReadRequest request() {
    return new ReadRequest(null, Instant.EPOCH, NOW, Set.of());
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
