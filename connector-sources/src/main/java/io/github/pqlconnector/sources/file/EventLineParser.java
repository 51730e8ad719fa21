package io.github.pqlconnector.sources.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.pqlconnector.core.model.Event;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses one JSON Lines event, with {@link FastEventScanner} when the line has the usual shape, else with Jackson's
 * streaming parser:
 * {@code {"event": "...", "timestamp": "2026-11-01T10:00:00Z" or epoch ms, "userId": "...",
 * "accountId": "...", "email": "...", "properties": {...}}}. Keeps only the properties the model reads.
 * Returns a problem text instead of throwing, so a bad line is counted and the file goes on. A timestamp before
 * 2000 or more than a day after the read's end is a problem too (a number in seconds read as milliseconds lands in
 * 1970), see {@link TimestampRange}.
 */
final class EventLineParser {
  /** Either an event or the reason the line is not one. */
  record Parsed(@Nullable Event event, @Nullable String problem) {}

  private final JsonFactory json = new JsonFactory();
  private final Set<String> wantedProperties;
  private final StringPool names = new StringPool();
  private final TimestampRange range;
  private final FastEventScanner fast;

  EventLineParser(Set<String> wantedProperties, TimestampRange range) {
    this.wantedProperties = wantedProperties;
    this.range = range;
    this.fast = new FastEventScanner(names, wantedProperties, range);
  }

  /** The usual line through the fast scanner; whatever it cannot vouch for through Jackson, which words problems. */
  Parsed parse(byte[] bytes, int offset, int length) {
    Event event = fast.scan(bytes, offset, length);
    return event != null ? new Parsed(event, null) : parseWithJackson(bytes, offset, length);
  }

  Parsed parseWithJackson(byte[] bytes, int offset, int length) {
    try (JsonParser p = json.createParser(bytes, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return problem("not a JSON object");
      }
      return readObject(p);
    } catch (JsonProcessingException e) {
      return problem("not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return problem("unreadable: " + e.getMessage());
    }
  }

  private Parsed readObject(JsonParser p) throws IOException {
    String name = null;
    long timestamp = Timestamps.INVALID;
    String userId = null;
    String accountId = null;
    String email = null;
    Map<String, Object> properties = Map.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "event" -> name = value == JsonToken.VALUE_STRING ? names.intern(p.getTextCharacters(),
            p.getTextOffset(), p.getTextLength()) : id(p, value);
        case "timestamp" -> timestamp = timestamp(p, value);
        case "userId" -> userId = id(p, value);
        case "accountId" -> accountId = id(p, value);
        case "email" -> email = id(p, value);
        case "properties" -> properties = properties(p, value);
        default -> p.skipChildren();
      }
    }
    if (p.nextToken() != null) {
      return problem("unexpected content after the JSON object");
    }
    if (name == null || name.isEmpty()) {
      return problem("missing \"event\" (the event name)");
    }
    if (timestamp == Timestamps.INVALID) {
      return problem("missing or invalid \"timestamp\" (ISO-8601 like 2026-11-01T10:00:00Z, or epoch ms)");
    }
    if (userId == null && accountId == null) {
      return problem("needs \"userId\" or \"accountId\"");
    }
    String outOfRange = range.problem(timestamp);
    if (outOfRange != null) {
      return problem(outOfRange);
    }
    return new Parsed(new Event(name, timestamp, userId, accountId, email, properties), null);
  }

  private static long timestamp(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (value != JsonToken.VALUE_STRING) {
      p.skipChildren();
      return Timestamps.INVALID;
    }
    return Timestamps.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
  }

  /**
   * A user id, account id or email: text or a whole number; null when empty or another type. Its hash is
   * computed here, on the parsing thread, so the engine's map lookups find it cached.
   */
  private static String id(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT) {
      String text = p.getText();
      text.hashCode();
      return text.isEmpty() ? null : text;
    }
    p.skipChildren();
    return null;
  }

  private Map<String, Object> properties(JsonParser p, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      p.skipChildren();
      return Map.of();
    }
    Map<String, Object> kept = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken token = p.nextToken();
      if (!wantedProperties.contains(key) || token.isStructStart()) {
        p.skipChildren();
        continue;
      }
      Object scalar = switch (token) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
        case VALUE_TRUE -> Boolean.TRUE;
        case VALUE_FALSE -> Boolean.FALSE;
        case VALUE_STRING -> p.getText();
        default -> null;
      };
      if (scalar != null) {
        kept = kept == null ? new HashMap<>(4) : kept;
        kept.put(key, scalar);
      }
    }
    return kept == null ? Map.of() : kept;
  }

  private static Parsed problem(String text) {
    return new Parsed(null, text);
  }
}
