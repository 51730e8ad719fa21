package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.WriteResult;
import io.github.pqlconnector.core.spi.WriteResults;
import io.github.pqlconnector.hubspot.api.BatchCreateRequest;
import io.github.pqlconnector.hubspot.api.BatchResponse;
import io.github.pqlconnector.hubspot.api.BatchUpdateRequest;
import io.github.pqlconnector.hubspot.api.BatchUpsertRequest;
import io.github.pqlconnector.hubspot.api.ObjectBatchInput;
import io.github.pqlconnector.hubspot.api.ObjectCreateInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes PQL properties. Matched records: {@code batch/update} by record id. Records not found, when {@code
 * createMissing}: contacts with {@code batch/upsert} by {@code email} (never search-then-create, which races with
 * HubSpot's search index, crm-apis.md §1.4), companies with {@code batch/create} carrying the account key. Every
 * input carries {@code objectWriteTraceId} ({@code user:<id>}), which HubSpot needs to answer a create per input.
 */
final class HubSpotWriter {
  static final int MAX_BATCH = 100;

  private final HubSpotCalls calls;
  private final String accountKey;

  HubSpotWriter(HubSpotCalls calls, String accountKey) {
    this.calls = calls;
    this.accountKey = accountKey;
  }

  WriteResult upsert(EntityLevel level, List<PqlUpdate> batch) {
    if (batch.size() > MAX_BATCH) {
      throw new IllegalArgumentException("HubSpot takes at most " + MAX_BATCH + " records per call, got "
          + batch.size());
    }
    WriteResults results = new WriteResults();
    List<PqlUpdate> updates = new ArrayList<>();
    List<PqlUpdate> creates = new ArrayList<>();
    split(batch, updates, creates);
    if (!updates.isEmpty()) {
      HubSpotBatchResults.record(results, updates, update(level, updates), u -> List.of(traceId(u.entity()), u.recordId()));
    }
    if (!creates.isEmpty()) {
      HubSpotBatchResults.record(results, creates, create(level, creates), u -> List.of(traceId(u.entity()), u.key().value()));
    }
    return results.result();
  }

  /** The engine sends each record once, and without a record id only when {@code createMissing} is on. */
  private static void split(List<PqlUpdate> batch, List<PqlUpdate> updates, List<PqlUpdate> creates) {
    batch.forEach(update -> (update.recordId() != null ? updates : creates).add(update));
  }

  private BatchResponse update(EntityLevel level, List<PqlUpdate> updates) {
    List<ObjectBatchInput> inputs = updates.stream().map(u -> ObjectBatchInput.byId(u.recordId(),
        traceId(u.entity()), HubSpotFields.values(u.fields()))).toList();
    return calls.execute(calls.api().batchUpdate(calls.objects(), calls.objectType(level),
        new BatchUpdateRequest(inputs)));
  }

  private BatchResponse create(EntityLevel level, List<PqlUpdate> creates) {
    String objectType = calls.objectType(level);
    if (level == EntityLevel.USER) {
      List<ObjectBatchInput> inputs = creates.stream().map(u -> ObjectBatchInput.byProperty("email",
          u.key().value(), traceId(u.entity()), HubSpotFields.values(u.fields()))).toList();
      return calls.execute(calls.api().batchUpsert(calls.objects(), objectType, new BatchUpsertRequest(inputs)));
    }
    List<ObjectCreateInput> inputs = creates.stream().map(u -> {
      Map<String, String> properties = new LinkedHashMap<>(HubSpotFields.values(u.fields()));
      properties.put(accountKey, u.key().value());
      return new ObjectCreateInput(properties, List.of(), traceId(u.entity()));
    }).toList();
    return calls.create(calls.api().batchCreate(calls.objects(), objectType, new BatchCreateRequest(inputs)));
  }

  static String traceId(EntityRef entity) {
    return entity.level().name().toLowerCase(Locale.ROOT) + ":" + entity.id();
  }
}
