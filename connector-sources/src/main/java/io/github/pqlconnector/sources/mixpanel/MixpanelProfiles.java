package io.github.pqlconnector.sources.mixpanel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.TraitsSink;
import io.github.pqlconnector.sources.http.JsonValues;
import io.github.pqlconnector.sources.http.SourceCalls;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Traits from Engage, page by page (1000 profiles a page, one page in memory): user profiles, or the group profiles
 * of {@code accountGroupId}. Every property becomes a trait as text; Mixpanel's reserved {@code $email} and {@code
 * $name} are also given as {@code email} and {@code name}, and a user's {@code accountProperty} (the group key,
 * string or list) as {@code accountId}.
 */
final class MixpanelProfiles {
  private final MixpanelQueryApi api;
  private final SourceCalls calls;
  private final long projectId;
  private final @Nullable String accountProperty;

  MixpanelProfiles(MixpanelQueryApi api, SourceCalls calls, long projectId, @Nullable String accountProperty) {
    this.api = api;
    this.calls = calls;
    this.projectId = projectId;
    this.accountProperty = accountProperty;
  }

  /** Reads every profile of {@code level}; {@code groupId} is the data_group_id for accounts. Returns the count. */
  long read(EntityLevel level, @Nullable String groupId, TraitsSink sink) {
    long count = 0;
    EngagePage page = calls.execute(api.engage(projectId, null, null, groupId, null));
    while (true) {
      for (EngagePage.Profile profile : page.profiles()) {
        count += accept(level, profile, page.page(), sink) ? 1 : 0;
      }
      if (!page.hasNext()) {
        return count;
      }
      page = calls.execute(api.engage(projectId, page.page() + 1, page.sessionId(), groupId, null));
    }
  }

  private boolean accept(EntityLevel level, EngagePage.Profile profile, int page, TraitsSink sink) {
    String id = profile.distinctId() == null ? null : JsonValues.traitText(profile.distinctId());
    if (id == null || id.isEmpty()) {
      sink.reject("mixpanel engage page " + page, "a profile without $distinct_id");
      return false;
    }
    JsonNode properties = profile.properties() == null ? MissingNode.getInstance() : profile.properties();
    Map<String, String> values = JsonValues.traits(properties);
    alias(values, "$email", Traits.EMAIL);
    alias(values, "$name", "name");
    if (level == EntityLevel.USER && accountProperty != null) {
      JsonNode account = properties.path(accountProperty);
      JsonNode first = account.isArray() ? account.path(0) : account;
      String accountId = JsonValues.traitText(first);
      if (accountId != null) {
        values.put(Traits.ACCOUNT_ID, accountId);
      }
    }
    sink.accept(new Traits(new EntityRef(level, id), values));
    return true;
  }

  private static void alias(Map<String, String> values, String reserved, String plain) {
    String value = values.get(reserved);
    if (value != null) {
      values.putIfAbsent(plain, value);
    }
  }
}
