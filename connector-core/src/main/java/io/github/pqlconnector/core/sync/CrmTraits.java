package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.CrmDestination;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The destination as a source of traits: the configured CRM fields of the records the sync wrote, kept in the state
 * store and read again from the CRM after the refresh interval (or when an entity moved to another record). An
 * entity the sync has not written yet is found by its match key from the other providers' traits ({@link
 * UnwrittenRecords}), so its CRM fields count from its first run. Without a reader (explain, backtest) the stored
 * values are used as they are.
 */
final class CrmTraits implements AnalyticsSource, LayeredTraits.MatchingProvider {
  private static final Logger log = LoggerFactory.getLogger(CrmTraits.class);
  private static final int PAGE = 1000;

  private final StateStore store;
  private final String sync;
  private final @Nullable TraitReader reader;
  private final @Nullable CrmDestination destination;
  private final int batchSize;
  private final Clock clock;
  private final CrmTraitsDao dao = new CrmTraitsDao();

  CrmTraits(StateStore store, String sync, @Nullable CrmDestination destination, int batchSize, Clock clock) {
    this.store = store;
    this.sync = sync;
    this.destination = destination;
    this.reader = destination == null ? null : destination.traitReader().orElse(null);
    this.batchSize = Math.max(1, batchSize);
    this.clock = clock;
  }

  @Override
  public void readTraits(EntityLevel level, TraitsSink sink) {
    readTraits(level, sink, new MergedTraits(0));
  }

  @Override
  public void readTraits(EntityLevel level, TraitsSink sink, MergedTraits known) {
    if (reader != null && !reader.fields().of(level).isEmpty()) {
      refresh(reader, level, known);
    }
    store.read(c -> dao.load(c, sync, level)).forEach((id, cached) ->
        sink.accept(new Traits(new EntityRef(level, id), cached.values())));
  }

  /**
   * Reads the written records whose values are missing or older than the refresh, then finds and reads the records
   * of {@code known} entities not written yet; keeps stale values if the CRM fails.
   */
  private void refresh(TraitReader reader, EntityLevel level, MergedTraits known) {
    Instant now = clock.instant();
    Instant staleBefore = now.minus(reader.fields().refresh());
    Map<String, Cached> cached = store.read(c -> dao.load(c, sync, level));
    Set<String> written = new HashSet<>();
    List<PushedDao.Pushed> due = due(level, cached, staleBefore, written);
    try {
      for (int from = 0; from < due.size(); from += batchSize) {
        store(level, due.subList(from, Math.min(due.size(), from + batchSize)), reader, now);
      }
      log.info("CRM traits of {}s: {} records read ({} stored before)", level.id(), due.size(), cached.size());
    } catch (VendorException e) {
      if (cached.isEmpty()) {
        throw e;
      }
      log.warn("CRM traits of {}s not refreshed, using those read before: {}", level.id(), e.getMessage());
    }
    if (destination != null && !known.isEmpty()) {
      readUnwritten(new UnwrittenRecords(destination, reader, batchSize), level, known, written, cached,
          staleBefore, now);
    }
  }

  /**
   * A CRM that fails here only delays these entities' CRM traits to the run after their record is written, unless
   * nothing was ever stored: deciding every entity without its CRM fields would be silently wrong.
   */
  private void readUnwritten(UnwrittenRecords unwritten, EntityLevel level, MergedTraits known,
      Set<String> written, Map<String, Cached> cached, Instant staleBefore, Instant now) {
    try {
      List<Map.Entry<EntityRef, Cached>> read = unwritten.read(level, known, written, cached, staleBefore, now);
      store.write(c -> {
        dao.put(c, sync, read);
        return null;
      });
      long found = read.stream().filter(e -> !e.getValue().recordId().equals(UnwrittenRecords.NOT_FOUND)).count();
      log.info("CRM traits of {}s not written yet: {} looked up, {} found", level.id(), read.size(), found);
    } catch (VendorException e) {
      if (cached.isEmpty()) {
        throw e;
      }
      log.warn("CRM traits of {}s not written yet not looked up ({}); they get theirs once their record is written",
          level.id(), e.getMessage());
    }
  }

  /** The written records to read; {@code written} receives every entity that has a written record. */
  private List<PushedDao.Pushed> due(EntityLevel level, Map<String, Cached> cached, Instant staleBefore,
      Set<String> written) {
    List<PushedDao.Pushed> due = new ArrayList<>();
    PushedDao pushed = new PushedDao();
    String after = "";
    while (true) {
      String from = after;
      List<PushedDao.Pushed> page = store.read(c -> pushed.withRecordIds(c, sync, level, from, PAGE));
      for (PushedDao.Pushed record : page) {
        written.add(record.entity().id());
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
