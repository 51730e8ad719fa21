package io.github.pqlconnector.core.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The traits each provider of a sync's {@code traits:} gave, in priority order, merged one entity at a time when
 * asked (each trait from the first provider that has it), so no second copy of every entity's traits is held.
 * Providers not read yet count as having nothing.
 */
final class MergedTraits {
  private final List<@Nullable Map<String, Map<String, String>>> byProvider;

  MergedTraits(int providers) {
    byProvider = new ArrayList<>(Collections.nCopies(providers, null));
  }

  void set(int provider, Map<String, Map<String, String>> traits) {
    byProvider.set(provider, traits);
  }

  boolean isEmpty() {
    return byProvider.stream().allMatch(m -> m == null || m.isEmpty());
  }

  /** Every entity once, with its merged traits: each id where the first provider that has it lists it. */
  void forEach(BiConsumer<String, Map<String, String>> action) {
    for (int i = 0; i < byProvider.size(); i++) {
      Map<String, Map<String, String>> provider = byProvider.get(i);
      if (provider != null) {
        int first = i;
        provider.keySet().forEach(id -> {
          if (!inEarlier(first, id)) {
            action.accept(id, merged(id));
          }
        });
      }
    }
  }

  private boolean inEarlier(int provider, String id) {
    for (int j = 0; j < provider; j++) {
      if (byProvider.get(j) != null && byProvider.get(j).containsKey(id)) {
        return true;
      }
    }
    return false;
  }

  private Map<String, String> merged(String id) {
    Map<String, String> values = new HashMap<>();
    for (int k = byProvider.size() - 1; k >= 0; k--) {
      Map<String, Map<String, String>> provider = byProvider.get(k);
      Map<String, String> own = provider == null ? null : provider.get(id);
      if (own != null) {
        values.putAll(own);
      }
    }
    return values;
  }
}
