package io.github.pqlconnector.sources.posthog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.sources.http.JsonValues;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One row of the events query, {@code [uuid, event, ms, person_id, account key, properties]}, into an {@link Event}:
 * the person is the user (one id across all of a person's distinct ids), {@code $group_N} the account; of the
 * properties (a JSON string in HogQL answers, or an object) only those the model reads are kept. Remembers the last
 * row's (ms, uuid) for the next page.
 */
final class PostHogEvents implements QueryResults.RowReader {
  private static final JsonFactory JSON = new JsonFactory();

  private final Set<String> wanted;
  private final EventSink sink;
  private final String source;
  HogQl.After last = HogQl.After.START;
  long accepted;

  PostHogEvents(Set<String> wanted, EventSink sink, String source) {
    this.wanted = wanted;
    this.sink = sink;
    this.source = source;
  }

  @Override
  public void row(JsonParser p) throws IOException {
    String uuid = null;
    String name = null;
    long millis = Long.MIN_VALUE;
    String person = null;
    String account = null;
    Map<String, Object> properties = Map.of();
    int column = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), column++) {
      switch (column) {
        case 0 -> uuid = JsonValues.text(p, t);
        case 1 -> name = JsonValues.text(p, t);
        case 2 -> millis = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : skip(p);
        case 3 -> person = JsonValues.text(p, t);
        case 4 -> account = JsonValues.text(p, t);
        case 5 -> properties = properties(p, t);
        default -> p.skipChildren();
      }
    }
    if (uuid != null && millis != Long.MIN_VALUE) {
      last = new HogQl.After(millis, uuid);
    }
    emit(uuid, name, millis, person, account, properties);
  }

  private void emit(@Nullable String uuid, @Nullable String name, long millis, @Nullable String person,
      @Nullable String account, Map<String, Object> properties) {
    String problem = uuid == null || name == null ? "missing uuid or event name"
        : millis == Long.MIN_VALUE ? "missing timestamp"
        : person == null && account == null ? "neither a person nor an account" : null;
    if (problem != null) {
      sink.reject(source + " event " + uuid, problem);
      return;
    }
    accepted++;
    sink.accept(new Event(name, millis, person, account, null, properties));
  }

  private Map<String, Object> properties(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      try (JsonParser inner = JSON.createParser(p.getText())) {
        return JsonValues.wantedOf(inner, inner.nextToken(), wanted);
      } catch (IOException e) {
        return Map.of();   // unreadable properties: the event still counts, without them
      }
    }
    return JsonValues.wantedOf(p, t, wanted);
  }

  private static long skip(JsonParser p) throws IOException {
    p.skipChildren();
    return Long.MIN_VALUE;
  }
}
