package io.github.pqlconnector.sources.amplitude;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.TraitsSink;
import io.github.pqlconnector.sources.http.JsonLines;
import io.github.pqlconnector.sources.http.JsonValues;
import io.github.pqlconnector.sources.http.SourceHttp;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Collects traits from exported events (Amplitude has no bulk profile export): each user's latest {@code
 * user_properties} (merged, later values win), with the account from {@code groups} as {@code accountId}, and each account's {@code
 * group_properties} for the account group type — either {@code {"company_id":{"acme":{…}}}} (per value) or {@code
 * {"company_id":{…}}} (the event's group); which one an export holds is not documented, so both are read. Memory
 * grows with entities, not events.
 */
final class AmplitudeTraits implements JsonLines.RecordParser {
  private final @Nullable String groupType;
  private final Map<String, Map<String, String>> users = new HashMap<>();
  private final Map<String, Map<String, String>> accounts = new HashMap<>();

  AmplitudeTraits(@Nullable String groupType) {
    this.groupType = groupType;
  }

  @Override
  public void parse(JsonParser p, long line) throws IOException {
    JsonNode event = SourceHttp.WIRE.readTree(p);
    if (event == null || !event.isObject()) {
      return;
    }
    String account = null;
    if (groupType != null) {
      JsonNode group = event.path("groups").path(groupType);
      account = JsonValues.traitText(group.isArray() ? group.path(0) : group);
      accountTraits(account, event.path("group_properties").path(groupType));
    }
    String userId = JsonValues.traitText(event.path("user_id"));
    if (userId != null && !userId.isEmpty()) {
      Map<String, String> values = JsonValues.traits(event.path("user_properties"));
      if (account != null) {
        values.put(Traits.ACCOUNT_ID, account);
      }
      users.merge(userId, values, (old, latest) -> {
        old.putAll(latest);   // later events carry the newer values; one without properties changes nothing
        return old;
      });
    }
  }

  private void accountTraits(@Nullable String account, JsonNode properties) {
    if (account == null || !properties.isObject() || properties.isEmpty()) {
      return;
    }
    JsonNode own = properties.path(account);
    Map<String, String> values = JsonValues.traits(own.isObject() ? own : properties);
    accounts.put(account, values);
  }

  void handOver(EntityLevel level, TraitsSink sink) {
    Map<String, Map<String, String>> all = level == EntityLevel.USER ? users : accounts;
    all.forEach((id, values) -> sink.accept(new Traits(new EntityRef(level, id), values)));
  }
}
