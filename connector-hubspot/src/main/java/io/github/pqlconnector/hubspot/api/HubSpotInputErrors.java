package io.github.pqlconnector.hubspot.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.error.ErrorCategory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Splits the {@code errors[]} of a batch response into one {@link HubSpotInputError} per input they name. HubSpot
 * does not fix the {@code context} keys that carry the inputs ({@code ids}, trace ids, ...), so every context value,
 * top level and in the nested details, is compared with the keys the caller sent, case-insensitively (emails).
 * An error naming several inputs yields one entry for each; an error naming none yields one entry with a {@code
 * null} input, which the caller should apply to every input missing from {@link BatchResponse#results()}.
 */
public final class HubSpotInputErrors {
  private static final String UNKNOWN = "UNKNOWN";

  private HubSpotInputErrors() {}

  /** The failures of {@code batch}, attributed to the {@code sentKeys} (ids, emails or trace ids) of its request. */
  public static List<HubSpotInputError> of(BatchResponse batch, Collection<String> sentKeys) {
    Map<String, String> byLowerCase = new LinkedHashMap<>();
    sentKeys.forEach(key -> byLowerCase.putIfAbsent(key.toLowerCase(Locale.ROOT), key));
    List<HubSpotInputError> result = new ArrayList<>();
    for (StandardError error : batch.errors()) {
      ErrorCategory category = HubSpotCategories.forInput(error.category(), error.status());
      String code = error.category() != null ? error.category() : UNKNOWN;
      String message = error.message() != null ? error.message() : "no error message";
      Set<String> named = namedInputs(error, byLowerCase);
      if (named.isEmpty()) {
        result.add(new HubSpotInputError(null, category, code, message));
      }
      named.forEach(input -> result.add(new HubSpotInputError(input, category, code, message)));
    }
    return List.copyOf(result);
  }

  private static Set<String> namedInputs(StandardError error, Map<String, String> byLowerCase) {
    Set<String> named = new LinkedHashSet<>();
    error.context().values().forEach(values -> values.forEach(v -> match(v, byLowerCase, named)));
    for (ErrorDetail detail : error.errors()) {
      if (detail.context() != null) {
        collect(detail.context(), byLowerCase, named);
      }
    }
    return named;
  }

  private static void collect(JsonNode node, Map<String, String> byLowerCase, Set<String> named) {
    if (node.isValueNode()) {
      match(node.asText(), byLowerCase, named);
    } else {
      node.forEach(child -> collect(child, byLowerCase, named));
    }
  }

  private static void match(String value, Map<String, String> byLowerCase, Set<String> named) {
    String sent = byLowerCase.get(value.toLowerCase(Locale.ROOT));
    if (sent != null) {
      named.add(sent);
    }
  }
}
