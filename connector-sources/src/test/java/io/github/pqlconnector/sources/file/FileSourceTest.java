package io.github.pqlconnector.sources.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.error.SourceException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.TraitsSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {
  static final String EVENTS = """
      {"event":"message_sent","timestamp":"2026-11-01T10:15:30.123Z","userId":"u1","accountId":"a1","email":"Ana@Acme.io","properties":{"channel":"general","size":3,"nested":{"x":1}}}
      {"event":"signed_up","timestamp":1762000000000,"userId":"u2"}
      this is not json
      {"event":"page_viewed","userId":"u3"}
      {"timestamp":"2026-11-01T10:00:00Z","userId":"u3"}

      {"event":"page_viewed","timestamp":"2026-11-01T11:00:00+01:00","accountId":"a9"}
      {"event":"page_viewed","timestamp":"2026-11-01T10:00:00Z"}
      [1,2,3]
      {"event":"doc_created","timestamp":"2026-11-01T10:00:00Z","userId":42}
      """;

  @TempDir Path dir;
  final List<Event> events = new ArrayList<>();
  final List<String> rejected = new ArrayList<>();

  @Test
  void readsTheDocumentedEventShapeAndKeepsOnlyWantedProperties() throws IOException {
    read(write("events.jsonl", EVENTS.getBytes(StandardCharsets.UTF_8)), Set.of("channel", "size", "nested"));
    assertThat(events).hasSize(4);
    Event first = events.get(0);
    assertThat(first.name()).isEqualTo("message_sent");
    assertThat(first.timestampMillis()).isEqualTo(Instant.parse("2026-11-01T10:15:30.123Z").toEpochMilli());
    assertThat(first.userId()).isEqualTo("u1");
    assertThat(first.accountId()).isEqualTo("a1");
    assertThat(first.email()).isEqualTo("Ana@Acme.io");
    assertThat(first.properties()).isEqualTo(Map.of("channel", "general", "size", 3));
    assertThat(events.get(1).timestampMillis()).isEqualTo(1762000000000L);
    assertThat(events.get(2).timestampMillis()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z").toEpochMilli());
    assertThat(events.get(3).userId()).isEqualTo("42");
  }

  @Test
  void malformedLinesAreRejectedWithTheirLineNumberAndTheReadGoesOn() throws IOException {
    read(write("events.jsonl", EVENTS.getBytes(StandardCharsets.UTF_8)), Set.of());
    assertThat(rejected).containsExactly(
        "events.jsonl:3 not valid JSON: Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
        "events.jsonl:4 missing or invalid \"timestamp\" (ISO-8601 like 2026-11-01T10:00:00Z, or epoch ms)",
        "events.jsonl:5 missing \"event\" (the event name)",
        "events.jsonl:8 needs \"userId\" or \"accountId\"",
        "events.jsonl:9 not a JSON object");
  }

  @Test
  void gzipIsRecognisedByItsContentNotItsName() throws IOException {
    Path file = dir.resolve("events.data");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(EVENTS.getBytes(StandardCharsets.UTF_8));
    }
    read(file, Set.of());
    assertThat(events).hasSize(4);
  }

  @Test
  void aLastLineWithoutNewlineAndLinesLongerThanTheBufferAreRead() throws IOException {
    String padding = "x".repeat(200_000);
    String text = "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"u1\",\"properties\":{\"pad\":\"" + padding
        + "\"}}\n{\"event\":\"b\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"u1\"}";
    read(write("events.jsonl", text.getBytes(StandardCharsets.UTF_8)), Set.of("pad"));
    assertThat(events).extracting(Event::name).containsExactly("a", "b");
    assertThat(events.get(0).properties().get("pad")).isEqualTo(padding);
  }

  @Test
  void traitsComeFromCsvOrJsonLinesAndRowsWithoutIdAreRejected() throws IOException {
    Path users = write("users.csv", "id,email,accountId,title\nu1,ana@acme.io,a1,CTO\n,nobody@acme.io,a1,\nu2,bo@acme.io,a1,\n"
        .getBytes(StandardCharsets.UTF_8));
    Path accounts = write("accounts.jsonl", "{\"id\":\"a1\",\"employees\":250,\"country\":\"DE\",\"tags\":[1]}\n{oops\n"
        .getBytes(StandardCharsets.UTF_8));
    Path events = write("events.jsonl", new byte[0]);
    FileSource source = new FileSource(new FileSourceConfig(events.toString(), users.toString(), accounts.toString()));
    List<Traits> traits = new ArrayList<>();
    TraitsSink sink = new TraitsSink() {
      @Override public void accept(Traits t) { traits.add(t); }
      @Override public void reject(String location, String problem) { rejected.add(location + " " + problem); }
    };
    source.readTraits(EntityLevel.USER, sink);
    source.readTraits(EntityLevel.ACCOUNT, sink);
    assertThat(traits).extracting(t -> t.entity().toString() + " " + new java.util.TreeMap<>(t.values())).containsExactly(
        "user:u1 {accountId=a1, email=ana@acme.io, title=CTO}",
        "user:u2 {accountId=a1, email=bo@acme.io}",
        "account:a1 {country=DE, employees=250}");
    assertThat(rejected).containsExactly("users.csv:3 missing \"id\"", "accounts.jsonl:2 not valid JSON");
  }

  @Test
  void aMissingEventsFileIsASourceError() {
    FileSource source = new FileSource(new FileSourceConfig(dir.resolve("nope.jsonl").toString(), null, null));
    assertThatThrownBy(() -> source.readEvents(request(Set.of()), sink()))
        .isInstanceOf(SourceException.class)
        .hasMessageEndingWith("nope.jsonl does not exist");
  }

  private void read(Path file, Set<String> properties) {
    new FileSource(new FileSourceConfig(file.toString(), null, null)).readEvents(request(properties), sink());
  }

  private static ReadRequest request(Set<String> properties) {
    return new ReadRequest(null, Instant.EPOCH, Instant.now(), properties);
  }

  private EventSink sink() {
    return new EventSink() {
      @Override public void accept(Event event) { events.add(event); }
      @Override public void reject(String location, String problem) { rejected.add(location + " " + problem); }
    };
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }
}
