package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.hubspot.api.AssociationReadRequest;
import io.github.pqlconnector.hubspot.api.AssociationReadResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads which records of one type records of another are associated with (v4 batch read, up to 1,000 records per
 * call, on the same guarded path as the writes). A record with more associations than one page holds comes back with
 * a paging cursor; it is asked again with that cursor, together with the others still unfinished, until none is
 * left. HubSpot points associations at the surviving record of a merge, so merged-away ids never appear.
 */
final class HubSpotAssociations {
  private final HubSpotCalls calls;

  HubSpotAssociations(HubSpotCalls calls) {
    this.calls = calls;
  }

  /** For each of {@code fromIds}, the ids of the {@code toType} records it is associated with (none: absent). */
  Map<String, Set<String>> read(String fromType, String toType, List<String> fromIds) {
    Map<String, Set<String>> associated = new LinkedHashMap<>();
    List<AssociationReadRequest.Input> pending = fromIds.stream()
        .map(id -> new AssociationReadRequest.Input(id, null)).toList();
    while (!pending.isEmpty()) {
      List<AssociationReadRequest.Input> unfinished = new ArrayList<>();
      for (int from = 0; from < pending.size(); from += AssociationReadRequest.MAX_INPUTS) {
        AssociationReadRequest request = new AssociationReadRequest(
            pending.subList(from, Math.min(pending.size(), from + AssociationReadRequest.MAX_INPUTS)));
        AssociationReadResponse response = calls.execute(calls.api().readAssociations(calls.associations(), fromType,
            toType, request));
        for (AssociationReadResponse.Result result : response.results()) {
          Set<String> to = associated.computeIfAbsent(result.from().id(), id -> new LinkedHashSet<>());
          result.to().forEach(t -> to.add(t.toObjectId()));
          result.nextAfter().ifPresent(after -> unfinished.add(new AssociationReadRequest.Input(result.from().id(),
              after)));
        }
      }
      pending = unfinished;
    }
    return associated;
  }
}
