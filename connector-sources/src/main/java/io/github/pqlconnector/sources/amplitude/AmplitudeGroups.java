package io.github.pqlconnector.sources.amplitude;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.pqlconnector.sources.http.JsonValues;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Reads the account out of an event's {@code groups}: {@code {"company_id":"acme"}} or {@code {"company_id":["acme"]}}. */
final class AmplitudeGroups {
  private AmplitudeGroups() {}

  static @Nullable String account(JsonParser p, JsonToken value, @Nullable String groupType) throws IOException {
    if (value != JsonToken.START_OBJECT || groupType == null) {
      p.skipChildren();
      return null;
    }
    String account = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String type = p.currentName();
      JsonToken token = p.nextToken();
      if (type.equals(groupType)) {
        account = JsonValues.firstText(p, token);
      } else {
        p.skipChildren();
      }
    }
    return account;
  }
}
