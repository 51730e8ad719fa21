package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.state.DueRows;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Pushes the outbox in the destination's batch size, earlier leftovers first, then this run's rows as they are
 * stored, with up to {@link
 * io.github.pqlconnector.core.spi.Capabilities#maxInFlight()} batches in flight (each one is pushed and
 * recorded by {@link BatchPusher}). A call that fails as a whole stops the drain once the batches in flight
 * are recorded, and is rethrown; the rest stays queued for the next run.
 */
final class OutboxDrainer {
  private static final int PAGE = 500;

  private final StateStore store;
  private final CrmDestination destination;
  private final String sync;
  private final Clock clock;
  private final BatchPusher pusher;
  /** The batch slots, shared with the early lookups when there are any. */
  private @Nullable Semaphore slots;

  OutboxDrainer(StateStore store, CrmDestination destination, Payloads payloads, Clock clock, String sync, long runId,
      Duration recheckUnmatched) {
    this.store = store;
    this.destination = destination;
    this.sync = sync;
    this.clock = clock;
    this.pusher = new BatchPusher(store, destination, payloads, clock, sync, runId, recheckUnmatched);
  }

  /** This drainer taking the records {@code early} found before the push instead of looking them up again. */
  OutboxDrainer lookingUpEarly(EarlyMatch early) {
    pusher.useEarlyMatch(early);
    this.slots = early.slots();
    return this;
  }

  /** CRM records found while draining, for the task step. */
  Map<EntityRef, CrmRecord> records() {
    return pusher.records();
  }

  /**
   * Drains what was queued before this run and is not rewritten by it (the levels in order), then this run's rows
   * chunk by chunk as {@code fresh} hands them over once stored. Stops submitting batches (and marks the tally)
   * once {@code stopping} says so. Everything shares the batches in flight, so a slower call of one level (a search
   * on its own lower limit) does not leave the others idle.
   */
  void drain(List<EntityLevel> levels, StoredChunks fresh, Set<EntityRef> rewritten, DrainTally tally,
      Progress progress, long total, BooleanSupplier stopping) {
    int limit = destination.capabilities().maxInFlight();
    try (InFlight inFlight = new InFlight(limit, slots == null ? new Semaphore(limit) : slots)) {
      Batches batches = new Batches(inFlight, tally, () -> progress.pushed(tally.done(), total), stopping);
      for (EntityLevel level : levels) {
        drainEarlier(level, rewritten, batches);
      }
      for (StoredChunks.Chunk chunk = fresh.next(); chunk != null && batches.open(); chunk = fresh.next()) {
        batches.add(chunk.level(), dueAmong(chunk));
      }
      batches.flush();
      inFlight.awaitAll();
    }
  }

  private List<OutboxDao.Row> dueAmong(StoredChunks.Chunk chunk) {
    return store.read(c -> DueRows.among(c, sync, chunk.level(), chunk.ids(), clock.instant()));
  }

  private void drainEarlier(EntityLevel level, Set<EntityRef> rewritten, Batches batches) {
    String after = "";
    while (batches.open()) {
      String from = after;
      List<OutboxDao.Row> page = store.read(c -> DueRows.page(c, sync, level, from,
          Math.max(batchSize(), PAGE), clock.instant()));
      if (page.isEmpty()) {
        return;
      }
      after = page.get(page.size() - 1).entity().id();
      batches.add(level, page.stream().filter(row -> !rewritten.contains(row.entity())).toList());
    }
  }

  private int batchSize() {
    return destination.capabilities().maxBatchSize();
  }

  /**
   * Rows gathered into full batches per level before they are submitted, so that rows arriving a page or a chunk at
   * a time, the levels taking turns, cost no more calls than one long list per level would; the last, short batch of
   * each level goes at {@link #flush}.
   */
  private final class Batches {
    private final InFlight inFlight;
    private final DrainTally tally;
    private final Runnable reportProgress;
    private final BooleanSupplier stopping;
    private final Map<EntityLevel, List<OutboxDao.Row>> pending = new EnumMap<>(EntityLevel.class);

    Batches(InFlight inFlight, DrainTally tally, Runnable reportProgress, BooleanSupplier stopping) {
      this.inFlight = inFlight;
      this.tally = tally;
      this.reportProgress = reportProgress;
      this.stopping = stopping;
    }

    boolean open() {
      return !tally.stopped && !inFlight.failed();
    }

    void add(EntityLevel level, List<OutboxDao.Row> rows) {
      List<OutboxDao.Row> waiting = pending.computeIfAbsent(level, l -> new ArrayList<>());
      waiting.addAll(rows);
      int size = batchSize();
      while (waiting.size() >= size && open()) {
        submit(level, List.copyOf(waiting.subList(0, size)));
        waiting.subList(0, size).clear();
      }
    }

    void flush() {
      pending.forEach((level, waiting) -> {
        if (!waiting.isEmpty() && open()) {
          submit(level, List.copyOf(waiting));
        }
      });
      pending.clear();
    }

    private void submit(EntityLevel level, List<OutboxDao.Row> batch) {
      if (stopping.getAsBoolean()) {
        tally.stopped = true;
        return;
      }
      inFlight.submit(() -> {
        pusher.push(level, batch, tally);
        reportProgress.run();
      });
    }
  }
}
