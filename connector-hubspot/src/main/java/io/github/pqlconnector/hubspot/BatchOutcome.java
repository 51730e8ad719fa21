package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.WriteResult;
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
 * Collects what one {@code upsert} did, input by input, across its HubSpot calls: a result pairs with its input by
 * {@code objectWriteTraceId} or record id; a 207 error by the keys it names ({@link HubSpotInputErrors}); an error
 * naming no input applies to every input still unresolved; and an input HubSpot said nothing about fails, so every
 * input ends written or failed.
 */
final class BatchOutcome {
  private final WriteResults results = new WriteResults();

  void fail(EntityRef entity, ErrorCategory category, String code, String message) {
    results.fail(entity, category, code, message);
  }

  /** Records the outcome of one call for {@code sent}; {@code keys} gives the keys each input was sent under. */
  void apply(List<PqlUpdate> sent, BatchResponse response, Function<PqlUpdate, List<String>> keys) {
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
        fail(update.entity(), error.category(), error.hubspotCategory(), error.message());
      }
    }
    sent.stream().map(PqlUpdate::entity).filter(this::unresolved).forEach(entity -> unattributed.stream()
        .findFirst().ifPresentOrElse(e -> fail(entity, e.category(), e.hubspotCategory(), e.message()),
            () -> fail(entity, ErrorCategory.TRANSIENT, WriteResults.NO_RESULT,
                "HubSpot returned no result for this record")));
  }

  WriteResult result() {
    return results.result();
  }

  private boolean unresolved(EntityRef entity) {
    return !results.resolved(entity);
  }

  private static String lower(String key) {
    return key.toLowerCase(Locale.ROOT);
  }
}
