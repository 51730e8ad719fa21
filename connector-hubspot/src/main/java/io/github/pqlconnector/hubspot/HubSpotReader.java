package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.hubspot.api.BatchReadRequest;
import io.github.pqlconnector.hubspot.api.BatchResponse;
import io.github.pqlconnector.hubspot.api.ObjectResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the PQL properties back for reconciliation: {@code batch/read} by record id, 100 ids per call, on the same
 * guarded call path as the writes. An id HubSpot no longer has comes back in the 207 {@code errors}
 * ({@code OBJECT_NOT_FOUND}); an id merged into another record comes back as the survivor, under the survivor's id.
 * Both count as gone: only a result whose id is one asked for is the record written. The same read serves the
 * CRM fields read as traits ({@link HubSpotTraits}).
 */
final class HubSpotReader {
  private final HubSpotCalls calls;

  HubSpotReader(HubSpotCalls calls) {
    this.calls = calls;
  }

  Map<String, PqlFields> readFields(EntityLevel level, List<String> recordIds) {
    Map<String, PqlFields> found = new HashMap<>();
    readRecords(level, recordIds, HubSpotFields.PQL_PROPERTIES)
        .forEach((id, record) -> found.put(id, HubSpotFields.read(record)));
    return found;
  }

  /**
   * The records among {@code recordIds} that still exist under those ids, with {@code properties}: the read shared
   * by reconciliation and {@link HubSpotTraits}.
   */
  Map<String, ObjectResponse> readRecords(EntityLevel level, List<String> recordIds, List<String> properties) {
    Map<String, ObjectResponse> found = new HashMap<>();
    for (int from = 0; from < recordIds.size(); from += HubSpotMatcher.BATCH) {
      List<String> chunk = recordIds.subList(from, Math.min(recordIds.size(), from + HubSpotMatcher.BATCH));
      BatchReadRequest request = BatchReadRequest.byIds(chunk, properties);
      BatchResponse response = calls.execute(calls.api().batchRead(calls.objects(), calls.objectType(level), request));
      Set<String> asked = new HashSet<>(chunk);
      for (ObjectResponse result : response.results()) {
        if (asked.contains(result.id()) && !result.archived()) {
          found.put(result.id(), result);
        }
      }
    }
    return found;
  }
}
