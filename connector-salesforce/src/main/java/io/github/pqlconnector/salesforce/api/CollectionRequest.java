package io.github.pqlconnector.salesforce.api;

import java.util.List;
import java.util.Map;

/**
 * The body of an sObject Collections create ({@code POST composite/sobjects}) or update ({@code PATCH}): at most
 * 200 records, each a map of field values with {@code attributes.type} (and {@code id} for an update).
 * {@code allOrNone} is always false here: each record succeeds or fails on its own.
 */
public record CollectionRequest(boolean allOrNone, List<Map<String, Object>> records) {
  public static final int MAX_RECORDS = 200;

  public CollectionRequest {
    if (records.size() > MAX_RECORDS) {
      throw new IllegalArgumentException("sObject Collections take at most 200 records, got " + records.size());
    }
    records = List.copyOf(records);
  }

  public static CollectionRequest independent(List<Map<String, Object>> records) {
    return new CollectionRequest(false, records);
  }
}
