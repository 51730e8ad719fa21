package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.ReadResult;
import io.github.pqlconnector.core.spi.TraitReader;
import io.github.pqlconnector.core.spi.TraitsSink;
import io.github.pqlconnector.core.state.CrmTraitsDao;
import io.github.pqlconnector.core.state.CrmTraitsDao.Cached;
import io.github.pqlconnector.core.state.PushedDao;
import io.github.pqlconnector.core.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The destination as a source of traits: the configured CRM fields of the records the sync wrote, kept in the state
 * store and read again from the CRM after the refresh interval (or when an entity moved to another record). Only
 * records the connector has written have an id to read, so an entity gets its CRM traits from the run after its
 * record was matched. Without a reader (explain, backtest) the stored values are used as they are.
 */
final class CrmTraits implements AnalyticsSource {
  private static final Logger log = LoggerFactory.getLogger(CrmTraits.class);
  private static final int PAGE = 1000;

  private final StateStore store;
  private final String sync;
  private final @Nullable TraitReader reader;
  private final int batchSize;
  private final Clock clock;
  private final CrmTraitsDao dao = new CrmTraitsDao();

  CrmTraits(StateStore store, String sync, @Nullable TraitReader reader, int batchSize, Clock clock) {
    this.store = store;
    this.sync = sync;
    this.reader = reader;
    this.batchSize = Math.max(1, batchSize);
    this.clock = clock;
  }

  @Override
  public void readTraits(EntityLevel level, TraitsSink sink) {
    if (reader != null && !reader.fields().of(level).isEmpty()) {
      refresh(reader, level);
    }
    store.read(c -> dao.load(c, sync, level)).forEach((id, cached) ->
        sink.accept(new Traits(new EntityRef(level, id), cached.values())));
  }

  /** Reads the records whose values are missing or older than the refresh; keeps stale values if the CRM fails. */
  private void refresh(TraitReader reader, EntityLevel level) {
    Instant now = clock.instant();
    Map<String, Cached> cached = store.read(c -> dao.load(c, sync, level));
    List<PushedDao.Pushed> due = due(level, cached, now.minus(reader.fields().refresh()));
    try {
      for (int from = 0; from < due.size(); from += batchSize) {
        store(level, due.subList(from, Math.min(due.size(), from + batchSize)), reader, now);
      }
      log.info("CRM traits of {}s: {} records read ({} stored before); entities without a written record get"
          + " theirs from the run after it is written", level.id(), due.size(), cached.size());
    } catch (VendorException e) {
      if (cached.isEmpty()) {
        throw e;
      }
      log.warn("CRM traits of {}s not refreshed, using those read before: {}", level.id(), e.getMessage());
    }
  }

  private List<PushedDao.Pushed> due(EntityLevel level, Map<String, Cached> cached, Instant staleBefore) {
    List<PushedDao.Pushed> due = new ArrayList<>();
    PushedDao pushed = new PushedDao();
    String after = "";
    while (true) {
      String from = after;
      List<PushedDao.Pushed> page = store.read(c -> pushed.withRecordIds(c, sync, level, from, PAGE));
      for (PushedDao.Pushed record : page) {
        Cached old = cached.get(record.entity().id());
        if (old == null || !old.recordId().equals(record.recordId()) || old.readAt().isBefore(staleBefore)) {
          due.add(record);
        }
      }
      if (page.size() < PAGE) {
        return due;
      }
      after = page.get(page.size() - 1).entity().id();
    }
  }

  private void store(EntityLevel level, List<PushedDao.Pushed> records, TraitReader reader, Instant now) {
    Map<String, Map<String, String>> values = reader.read(level,
        records.stream().map(PushedDao.Pushed::recordId).toList());
    List<Map.Entry<EntityRef, Cached>> read = new ArrayList<>();
    for (PushedDao.Pushed record : records) {
      // a record the CRM no longer has reads as no values, until the refresh (reconciliation forgets its id)
      Map<String, String> found = values.getOrDefault(record.recordId(), Map.of());
      read.add(new AbstractMap.SimpleEntry<>(record.entity(), new Cached(record.recordId(), found, now)));
    }
    store.write(c -> {
      dao.put(c, sync, read);
      return null;
    });
  }

  @Override
  public CheckResult check() {
    return CheckResult.ok("CRM traits come from the destination's records");
  }

  @Override
  public ReadResult readEvents(ReadRequest request, EventSink sink) {
    return new ReadResult(null, 0);
  }

  @Override
  public void close() {}
}
