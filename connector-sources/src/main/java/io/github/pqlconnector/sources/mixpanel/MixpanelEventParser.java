package io.github.pqlconnector.sources.mixpanel;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.sources.http.Fingerprints;
import io.github.pqlconnector.sources.http.JsonLines;
import io.github.pqlconnector.sources.http.JsonValues;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One export line, {@code {"event":"Signed up","properties":{"time":1602611311000,"distinct_id":"u1",
 * "$insert_id":"…","company_id":["acme"],…}}}, into an {@link Event}: {@code distinct_id} is the user, the
 * {@code accountProperty} (string or list; the first value) the account. Events outside [from, to) are dropped,
 * and so are repeats of an (event, distinct_id, time, {@code $insert_id}) already seen in this request — Mixpanel
 * does not dedupe raw exports.
 */
final class MixpanelEventParser implements JsonLines.RecordParser {
  /** {@code time} is epoch ms with {@code time_in_ms=true}; below this it can only be seconds. */
  private static final long SECONDS_BELOW = 100_000_000_000L;

  private final Set<String> wanted;
  private final @Nullable String accountProperty;
  private final long from;
  private final long to;
  private final EventSink sink;
  private final String source;
  private final Fingerprints seen = new Fingerprints();
  long accepted;
  long duplicates;
  long outside;

  MixpanelEventParser(Set<String> wanted, @Nullable String accountProperty, long from, long to, EventSink sink,
      String source) {
    this.wanted = wanted;
    this.accountProperty = accountProperty;
    this.from = from;
    this.to = to;
    this.sink = sink;
    this.source = source;
  }

  /** The fields of one record as they are read. */
  private static final class Fields {
    @Nullable String name;
    long time = Long.MIN_VALUE;
    @Nullable String userId;
    @Nullable String accountId;
    @Nullable String insertId;
    Map<String, Object> properties = Map.of();
  }

  @Override
  public void parse(JsonParser p, long line) throws IOException {
    if (!JsonValues.startsObject(p, sink::reject, source + ":" + line)) {
      return;
    }
    Fields f = new Fields();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if ("event".equals(field)) {
        f.name = JsonValues.text(p, value);
      } else if ("properties".equals(field) && value == JsonToken.START_OBJECT) {
        properties(p, f);
      } else {
        p.skipChildren();
      }
    }
    if (p.nextToken() != null) {
      sink.reject(source + ":" + line, "unexpected content after the JSON object");
      return;
    }
    emit(f, line);
  }

  private void properties(JsonParser p, Fields f) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken value = p.nextToken();
      switch (key) {
        case "time" -> f.time = value.isNumeric() ? millis(p.getNumberValue().doubleValue()) : skip(p);
        case "distinct_id" -> f.userId = JsonValues.text(p, value);
        case "$insert_id" -> f.insertId = JsonValues.text(p, value);
        default -> {
          if (key.equals(accountProperty)) {
            f.accountId = JsonValues.firstText(p, value);
          } else {
            f.properties = JsonValues.keep(f.properties, key, p, value, wanted);
          }
        }
      }
    }
  }

  private void emit(Fields f, long line) {
    String problem = f.name == null ? "missing \"event\""
        : f.time == Long.MIN_VALUE ? "missing or non-numeric \"properties.time\""
        : f.userId == null && f.accountId == null ? "missing \"properties.distinct_id\"" : null;
    if (problem != null) {
      sink.reject(source + ":" + line, problem);
    } else if (f.time < from || f.time >= to) {
      outside++;
    } else if (f.insertId != null && !seen.add(Fingerprints.of(f.name, f.userId, Long.toString(f.time), f.insertId))) {
      duplicates++;
    } else {
      accepted++;
      sink.accept(new Event(f.name, f.time, f.userId, f.accountId, null, f.properties));
    }
  }

  private static long millis(double time) {
    return time < SECONDS_BELOW ? Math.round(time * 1000) : (long) time;
  }

  private static long skip(JsonParser p) throws IOException {
    p.skipChildren();
    return Long.MIN_VALUE;
  }
}
