package io.github.pqlconnector.sources.posthog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.TraitsSink;
import io.github.pqlconnector.sources.http.JsonValues;
import io.github.pqlconnector.sources.http.SourceHttp;
import java.io.IOException;
import java.util.Map;

/**
 * One row of the persons or groups query, {@code [id or key, properties]}, into {@link Traits}: every property as
 * text. Remembers the last id/key for the next page.
 */
final class PostHogTraits implements QueryResults.RowReader {
  private final EntityLevel level;
  private final TraitsSink sink;
  String last = "";
  long accepted;

  PostHogTraits(EntityLevel level, TraitsSink sink) {
    this.level = level;
    this.sink = sink;
  }

  @Override
  public void row(JsonParser p) throws IOException {
    String id = null;
    JsonNode properties = null;
    int column = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), column++) {
      if (column == 0) {
        id = JsonValues.text(p, t);
      } else if (column == 1) {
        properties = t == JsonToken.VALUE_STRING ? parse(p.getText()) : SourceHttp.WIRE.readTree(p);
      } else {
        p.skipChildren();
      }
    }
    if (id == null) {
      sink.reject("posthog " + level.id() + " after " + last, "a row without an id");
      return;
    }
    last = id;
    Map<String, String> values = properties == null ? Map.of() : JsonValues.traits(properties);
    sink.accept(new Traits(new EntityRef(level, id), values));
    accepted++;
  }

  private static JsonNode parse(String json) {
    try {
      return SourceHttp.WIRE.readTree(json);
    } catch (IOException e) {
      return SourceHttp.WIRE.createObjectNode();
    }
  }
}
