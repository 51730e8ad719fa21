package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.WriteResults;
import io.github.pqlconnector.hubspot.api.BatchResponse;
import io.github.pqlconnector.hubspot.api.HubSpotInputError;
import io.github.pqlconnector.hubspot.api.HubSpotInputErrors;
import io.github.pqlconnector.hubspot.api.ObjectResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Records in core's {@link WriteResults} what one HubSpot batch call did, input by input: a result pairs with its input by
 * {@code objectWriteTraceId} or record id; a 207 error by the keys it names ({@link HubSpotInputErrors}); an error
 * naming no input applies to every input still unresolved; and an input HubSpot said nothing about fails, so every
 * input ends written or failed.
 */
final class HubSpotBatchResults {
  private HubSpotBatchResults() {}

  /** Records the outcome of one call for {@code sent}; {@code keys} gives the keys each input was sent under. */
  static void record(WriteResults results, List<PqlUpdate> sent, BatchResponse response,
      Function<PqlUpdate, List<String>> keys) {
    Map<String, PqlUpdate> byKey = new LinkedHashMap<>();
    sent.forEach(update -> keys.apply(update).forEach(key -> byKey.putIfAbsent(lower(key), update)));
    for (ObjectResponse result : response.results()) {
      PqlUpdate update = result.objectWriteTraceId() != null ? byKey.get(lower(result.objectWriteTraceId())) : null;
      update = update != null ? update : byKey.get(lower(result.id()));
      if (update != null) {
        results.written(update.entity(), result.id());
      }
    }
    List<HubSpotInputError> unattributed = new ArrayList<>();
    for (HubSpotInputError error : HubSpotInputErrors.of(response, byKey.keySet())) {
      PqlUpdate update = error.input() == null ? null : byKey.get(lower(error.input()));
      if (update == null) {
        unattributed.add(error);
      } else {
        results.fail(update.entity(), error.category(), error.hubspotCategory(), error.message());
      }
    }
    unattributed.stream().findFirst().ifPresentOrElse(
        e -> results.failUnresolved(sent, e.category(), e.hubspotCategory(), e.message()),
        () -> results.failUnresolved(sent, ErrorCategory.TRANSIENT, WriteResults.NO_RESULT,
            "HubSpot returned no result for this record"));
  }

  private static String lower(String key) {
    return key.toLowerCase(Locale.ROOT);
  }
}
