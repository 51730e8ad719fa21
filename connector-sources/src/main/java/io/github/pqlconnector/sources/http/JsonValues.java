package io.github.pqlconnector.sources.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Small streaming-parser helpers the sources share: ids, scalars, the wanted event properties, trait text. */
public final class JsonValues {
  private JsonValues() {}

  /** True when the record is a JSON object; else it is skipped and rejected at {@code location}. */
  public static boolean startsObject(JsonParser p, JsonLines.Rejects rejects, String location) throws IOException {
    if (p.nextToken() == JsonToken.START_OBJECT) {
      return true;
    }
    p.skipChildren();
    rejects.reject(location, "not a JSON object");
    return false;
  }

  /** Text or a whole number as text (ids); the first element of an array (a group key with several values). */
  public static @Nullable String firstText(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.START_ARRAY) {
      String first = null;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        String value = first == null ? text(p, t) : skip(p);
        first = first == null ? value : first;
      }
      return first;
    }
    return text(p, token);
  }

  /** A string or number as text; null (and the value skipped) for anything else or an empty string. */
  public static @Nullable String text(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
        || token == JsonToken.VALUE_NUMBER_FLOAT) {
      String text = p.getText();
      return text.isEmpty() ? null : text;
    }
    return skip(p);
  }

  /** A scalar as Event properties hold it (String, Number, Boolean); null for null and structures. */
  public static @Nullable Object scalar(JsonParser p, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_STRING -> p.getText();
      default -> skip(p);
    };
  }

  /** Adds {@code key}'s scalar value to {@code kept} when the model reads it; returns the (maybe new) map. */
  public static Map<String, Object> keep(Map<String, Object> kept, String key, JsonParser p, JsonToken token,
      Set<String> wanted) throws IOException {
    if (!wanted.contains(key)) {
      p.skipChildren();
      return kept;
    }
    Object value = scalar(p, token);
    if (value == null) {
      return kept;
    }
    Map<String, Object> map = kept.isEmpty() ? new HashMap<>(4) : kept;
    map.put(key, value);
    return map;
  }

  /** The scalar members of an object the model reads; {@code value} is the object's first token (else skipped). */
  public static Map<String, Object> wantedOf(JsonParser p, JsonToken value, Set<String> wanted) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      p.skipChildren();
      return Map.of();
    }
    Map<String, Object> kept = Map.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      kept = keep(kept, key, p, p.nextToken(), wanted);
    }
    return kept;
  }

  /** A trait value as text: scalars as they are, arrays joined with ", ", objects as JSON; null for null. */
  public static @Nullable String traitText(JsonNode value) {
    if (value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (value.isArray()) {
      StringBuilder out = new StringBuilder();
      value.forEach(v -> out.append(out.length() == 0 ? "" : ", ").append(v.isValueNode() ? v.asText() : v));
      return out.toString();
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /** A trait map: every non-null property as text. */
  public static Map<String, String> traits(JsonNode properties) {
    Map<String, String> values = new HashMap<>();
    properties.properties().forEach(field -> {
      String text = traitText(field.getValue());
      if (text != null) {
        values.put(field.getKey(), text);
      }
    });
    return values;
  }

  private static @Nullable String skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }
}
