package io.github.pqlconnector.sources.amplitude;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.sources.http.JsonLines;
import io.github.pqlconnector.sources.http.JsonValues;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One exported event, {@code {"event_type":"report_created","event_time":"2022-11-14 00:57:33.008000",
 * "user_id":"155683","groups":{"company_id":"acme"},"event_properties":{…},…}}, into an {@link Event}: {@code user_id}
 * is the user, {@code groups.<accountGroupType>} (string or list; the first value) the account, and of {@code
 * event_properties} only what the model reads. Only events whose {@code event_time} is in [from, to) are kept (the
 * export is by upload time); events with neither a user id nor an account are anonymous and skipped.
 */
final class AmplitudeEventParser implements JsonLines.RecordParser {
  private final Set<String> wanted;
  private final @Nullable String groupType;
  private final long from;
  private final long to;
  private final EventSink sink;
  private String source = "amplitude export";
  long accepted;
  long outside;
  long anonymous;

  AmplitudeEventParser(Set<String> wanted, @Nullable String groupType, long from, long to, EventSink sink) {
    this.wanted = wanted;
    this.groupType = groupType;
    this.from = from;
    this.to = to;
    this.sink = sink;
  }

  /** Names the file being read, for reject locations. */
  void source(String name) {
    this.source = name;
  }

  @Override
  public void parse(JsonParser p, long line) throws IOException {
    if (!JsonValues.startsObject(p, sink::reject, source + ":" + line)) {
      return;
    }
    String name = null;
    long time = AmplitudeTimes.INVALID;
    String userId = null;
    String accountId = null;
    Map<String, Object> properties = Map.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "event_type" -> name = JsonValues.text(p, value);
        case "event_time" -> time = value == JsonToken.VALUE_STRING ? AmplitudeTimes.eventMillis(p.getText())
            : skip(p);
        case "user_id" -> userId = JsonValues.text(p, value);
        case "groups" -> accountId = AmplitudeGroups.account(p, value, groupType);
        case "event_properties" -> properties = JsonValues.wantedOf(p, value, wanted);
        default -> p.skipChildren();
      }
    }
    emit(name, time, userId, accountId, properties, line);
  }

  private void emit(@Nullable String name, long time, @Nullable String userId, @Nullable String accountId,
      Map<String, Object> properties, long line) {
    if (name == null || time == AmplitudeTimes.INVALID) {
      sink.reject(source + ":" + line, name == null ? "missing \"event_type\""
          : "missing or invalid \"event_time\" (expected 2022-11-14 00:57:33.008000)");
    } else if (time < from || time >= to) {
      outside++;
    } else if (userId == null && accountId == null) {
      anonymous++;
    } else {
      accepted++;
      sink.accept(new Event(name, time, userId, accountId, null, properties));
    }
  }

  private static long skip(JsonParser p) throws IOException {
    p.skipChildren();
    return AmplitudeTimes.INVALID;
  }
}
