package io.github.pqlconnector.hubspot.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One record of a batch update or upsert ({@code SimplePublicObjectBatchInput}/{@code ...BatchInputUpsert}).
 * {@code id} is a record id, or a value of the unique {@code idProperty} when one is named. Property values are
 * always strings ({@code ""} clears one). {@code objectWriteTraceId} is echoed back on the result and lets a 207
 * error be traced to this input: set it to the connector's record key, unique within the batch.
 */
public record ObjectBatchInput(String id, @Nullable String idProperty, @Nullable String objectWriteTraceId,
    Map<String, String> properties) {

  public ObjectBatchInput {
    properties = Map.copyOf(properties);
  }

  /** An update of the record with HubSpot id {@code recordId}. */
  public static ObjectBatchInput byId(String recordId, String traceId, Map<String, String> properties) {
    return new ObjectBatchInput(recordId, null, traceId, properties);
  }

  /** An update or upsert of the record whose unique {@code idProperty} equals {@code value}. */
  public static ObjectBatchInput byProperty(String idProperty, String value, String traceId,
      Map<String, String> properties) {
    return new ObjectBatchInput(value, idProperty, traceId, properties);
  }
}
