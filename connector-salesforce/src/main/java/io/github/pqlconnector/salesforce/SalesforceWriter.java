package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.WriteResult;
import io.github.pqlconnector.core.spi.WriteResults;
import io.github.pqlconnector.salesforce.api.CollectionRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one batch of PQL updates. Matched records: below {@code bulkThreshold}, sObject Collections updates of 200
 * (450 records are three calls); at or above it, one Bulk API 2.0 job per object (5,000 Contacts are one job).
 * Records not found, with {@code createMissing}: users become Leads (Email, LastName from the address, Company from
 * its domain), accounts become Accounts named by their key; created through Collections. (Two inputs for one record
 * never reach it: the sync engine keeps the first and fails the others.)
 */
final class SalesforceWriter {
  /** Create, upload, close, one poll, three result reads, and a spare poll. */
  static final int BULK_CALLS = 8;

  private final SalesforceConfig config;
  private final DailyAllocation daily;
  private final CollectionsWriter collections;
  private final BulkWriter bulk;

  SalesforceWriter(SalesforceConfig config, DailyAllocation daily, CollectionsWriter collections, BulkWriter bulk) {
    this.config = config;
    this.daily = daily;
    this.collections = collections;
    this.bulk = bulk;
  }

  WriteResult upsert(EntityLevel level, List<PqlUpdate> batch) {
    WriteResults outcome = new WriteResults();
    List<PqlUpdate> updates = new ArrayList<>();
    List<PqlUpdate> creates = new ArrayList<>();
    split(batch, updates, creates);
    boolean useBulk = updates.size() >= config.bulkThreshold();
    daily.ensureAvailable((useBulk ? BULK_CALLS : calls(updates.size())) + calls(creates.size()));
    if (useBulk) {
      byObject(level, updates).forEach((object, records) -> bulk.update(object, records, outcome));
    } else if (!updates.isEmpty()) {
      // grouped by object so a call holds few type chunks (Salesforce allows ten per call)
      List<PqlUpdate> grouped = byObject(level, updates).values().stream().flatMap(List::stream).toList();
      collections.update(grouped, u -> record(SObjects.of(u.recordId(), level, config), u, true), outcome);
    }
    if (!creates.isEmpty()) {
      collections.create(creates, u -> newRecord(level, u), outcome);
    }
    return outcome.result();
  }

  private static int calls(int records) {
    return (records + CollectionRequest.MAX_RECORDS - 1) / CollectionRequest.MAX_RECORDS;
  }

  /** The engine sends each record once, and without a record id only when {@code createMissing} is on. */
  private static void split(List<PqlUpdate> batch, List<PqlUpdate> updates, List<PqlUpdate> creates) {
    batch.forEach(update -> (update.recordId() != null ? updates : creates).add(update));
  }

  private Map<String, List<PqlUpdate>> byObject(EntityLevel level, List<PqlUpdate> updates) {
    Map<String, List<PqlUpdate>> groups = new TreeMap<>();
    updates.forEach(u -> groups.computeIfAbsent(SObjects.of(u.recordId(), level, config), k -> new ArrayList<>())
        .add(u));
    return groups;
  }

  private static Map<String, Object> record(String object, PqlUpdate update, boolean withId) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("attributes", Map.of("type", object));
    if (withId) {
      record.put("id", update.recordId());
    }
    record.putAll(SalesforceFields.values(update.fields()));
    return record;
  }

  private Map<String, Object> newRecord(EntityLevel level, PqlUpdate update) {
    String key = update.key().value().trim();
    if (level == EntityLevel.USER) {
      Map<String, Object> lead = record(SObjects.LEAD, update, false);
      int at = key.indexOf('@');
      lead.put("Email", key);
      lead.put("LastName", at > 0 ? key.substring(0, at) : key);
      lead.put("Company", at > 0 ? key.substring(at + 1) : "[not provided]");
      return lead;
    }
    Map<String, Object> account = record(SObjects.ACCOUNT, update, false);
    account.put("Name", key);
    account.put(config.accountField(), key);
    return account;
  }
}
