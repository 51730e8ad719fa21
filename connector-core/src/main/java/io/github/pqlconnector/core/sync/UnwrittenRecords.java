package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.core.spi.TraitReader;
import io.github.pqlconnector.core.state.CrmTraitsDao.Cached;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CRM fields of entities the sync has not written yet: their records are found by the same match keys the push
 * uses (from the other providers' traits), then read, so a fit rule on a CRM field holds from the first run instead
 * of writing {@code not_fit} once. A record not found is remembered as such (no record id, no values) until the
 * refresh. Costs one lookup per batch of such entities, which the push makes again when it writes them.
 */
final class UnwrittenRecords {
  /** The record id stored for an entity whose record the CRM did not have. */
  static final String NOT_FOUND = "";

  private final CrmDestination destination;
  private final TraitReader reader;
  private final int readBatch;

  UnwrittenRecords(CrmDestination destination, TraitReader reader, int readBatch) {
    this.destination = destination;
    this.reader = reader;
    this.readBatch = readBatch;
  }

  /**
   * Matches and reads the entities of {@code known} that have no written record and no value read since
   * {@code staleBefore}; the values to store, by entity.
   */
  List<Map.Entry<EntityRef, Cached>> read(EntityLevel level, MergedTraits known,
      Set<String> written, Map<String, Cached> cached, Instant staleBefore, Instant now) {
    Map<String, MatchKey> wanted = new LinkedHashMap<>();
    String trait = destination.capabilities().matchTrait(level);
    known.forEach((id, values) -> {
      Cached old = cached.get(id);
      if (!written.contains(id) && (old == null || old.readAt().isBefore(staleBefore))) {
        MatchKeys.of(new Traits(new EntityRef(level, id), values), trait).ifPresent(key -> wanted.put(id, key));
      }
    });
    List<Map.Entry<EntityRef, Cached>> read = new ArrayList<>();
    List<String> ids = new ArrayList<>(wanted.keySet());
    int batch = Math.max(1, destination.capabilities().maxBatchSize());
    for (int from = 0; from < ids.size(); from += batch) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + batch));
      MatchResult found = destination.match(level, chunk.stream().map(wanted::get).distinct().toList());
      Map<String, String> recordIds = new LinkedHashMap<>();
      chunk.forEach(id -> recordIds.put(id, found.get(wanted.get(id)).map(CrmRecord::id).orElse(NOT_FOUND)));
      Map<String, Map<String, String>> values = fields(level, recordIds.values().stream()
          .filter(r -> !r.equals(NOT_FOUND)).distinct().toList());
      recordIds.forEach((id, recordId) -> read.add(new AbstractMap.SimpleEntry<>(new EntityRef(level, id),
          new Cached(recordId, values.getOrDefault(recordId, Map.of()), now))));
    }
    return read;
  }

  private Map<String, Map<String, String>> fields(EntityLevel level, List<String> recordIds) {
    Map<String, Map<String, String>> values = new LinkedHashMap<>();
    for (int from = 0; from < recordIds.size(); from += readBatch) {
      values.putAll(reader.read(level, recordIds.subList(from, Math.min(recordIds.size(), from + readBatch))));
    }
    return values;
  }
}
