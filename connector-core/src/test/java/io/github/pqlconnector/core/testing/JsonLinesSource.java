package io.github.pqlconnector.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.ReadResult;
import io.github.pqlconnector.core.spi.TraitsSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test source over {@code events.jsonl}, {@code users.jsonl} and {@code accounts.jsonl} in a directory, in
 * the documented event shape. Core's tests use it so they need not depend on the sources module.
 */
public final class JsonLinesSource implements AnalyticsSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What to run before the events of a directory are read (a test holding the read back), by directory. */
  public static final Map<Path, Runnable> BEFORE_EVENTS = new java.util.concurrent.ConcurrentHashMap<>();
  private final Path directory;

  public JsonLinesSource(Path directory) {
    this.directory = directory;
  }

  @Override
  public CheckResult check() {
    return CheckResult.ok("test source");
  }

  @Override
  public ReadResult readEvents(ReadRequest request, EventSink sink) {
    BEFORE_EVENTS.getOrDefault(directory, () -> {}).run();
    List<String> lines = lines("events.jsonl");
    for (int i = 0; i < lines.size(); i++) {
      Event event;
      try {
        JsonNode n = JSON.readTree(lines.get(i));
        Map<String, Object> props = new HashMap<>();
        n.path("properties").fields().forEachRemaining(f -> props.put(f.getKey(),
            f.getValue().isNumber() ? f.getValue().numberValue() : f.getValue().asText()));
        event = new Event(n.get("event").asText(), Instant.parse(n.get("timestamp").asText()).toEpochMilli(),
            text(n, "userId"), text(n, "accountId"), text(n, "email"), props);
      } catch (IOException | RuntimeException e) {
        sink.reject("events.jsonl:" + (i + 1), "bad line");
        continue;
      }
      sink.accept(event);   // outside the try: what the sink throws (a stop) ends the read, as in a real source
    }
    return new ReadResult(null, lines.size());
  }

  @Override
  public void readTraits(EntityLevel level, TraitsSink sink) {
    for (String line : lines(level.id() + "s.jsonl")) {
      try {
        JsonNode n = JSON.readTree(line);
        Map<String, String> values = new HashMap<>();
        n.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
        String id = values.remove("id");
        sink.accept(new Traits(new EntityRef(level, id), values));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private List<String> lines(String name) {
    Path file = directory.resolve(name);
    try {
      return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  @Override
  public void close() {}
}
