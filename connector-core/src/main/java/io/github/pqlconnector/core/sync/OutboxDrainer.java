package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Pushes the outbox in the destination's batch size, with up to {@link
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

  OutboxDrainer(StateStore store, CrmDestination destination, Payloads payloads, Clock clock, String sync, long runId,
      Duration recheckUnmatched) {
    this.store = store;
    this.destination = destination;
    this.sync = sync;
    this.clock = clock;
    this.pusher = new BatchPusher(store, destination, payloads, clock, sync, runId, recheckUnmatched);
  }

  /** CRM records found while draining, for the task step. */
  Map<EntityRef, CrmRecord> records() {
    return pusher.records();
  }

  /**
   * Drains the levels in order, stopping to submit batches (and marking the tally) once {@code stopping} says
   * so. The levels share the batches in flight: a level's last batches overlap the next level's first, so a
   * slower call of one level (a search on its own lower limit) does not leave the others idle.
   */
  void drain(List<EntityLevel> levels, DrainTally tally, Progress progress, long total, BooleanSupplier stopping) {
    int batchSize = destination.capabilities().maxBatchSize();
    try (InFlight batches = new InFlight(destination.capabilities().maxInFlight())) {
      for (EntityLevel level : levels) {
        drainLevel(level, batchSize, batches, tally, () -> progress.pushed(tally.done(), total), stopping);
      }
      batches.awaitAll();
    }
  }

  private void drainLevel(EntityLevel level, int batchSize, InFlight batches, DrainTally tally,
      Runnable reportProgress, BooleanSupplier stopping) {
    String after = "";
    while (!tally.stopped && !batches.failed()) {
      String from = after;
      List<OutboxDao.Row> page = store.read(c -> new OutboxDao().due(c, sync, level, from,
          Math.max(batchSize, PAGE), clock.instant()));
      if (page.isEmpty()) {
        return;
      }
      after = page.get(page.size() - 1).entity().id();
      submitPage(level, page, batchSize, batches, tally, reportProgress, stopping);
    }
  }

  private void submitPage(EntityLevel level, List<OutboxDao.Row> page, int batchSize, InFlight batches,
      DrainTally tally, Runnable reportProgress, BooleanSupplier stopping) {
    for (int i = 0; i < page.size() && !batches.failed(); i += batchSize) {
      if (stopping.getAsBoolean()) {
        tally.stopped = true;
        return;
      }
      List<OutboxDao.Row> batch = page.subList(i, Math.min(page.size(), i + batchSize));
      batches.submit(() -> {
        pusher.push(level, batch, tally);
        reportProgress.run();
      });
    }
  }
}
