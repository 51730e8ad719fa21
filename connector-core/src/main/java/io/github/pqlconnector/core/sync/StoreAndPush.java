package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * A run's writes: its changes are stored chunk by chunk on a thread of their own ({@link ChangeWriter}) while the
 * outbox is pushed, earlier leftovers first and then each chunk as soon as it has committed, so the first CRM
 * write does not wait for the last verdict to be stored, and nothing is pushed before it is. Tasks are opened
 * once every record is pushed and every task intent stored. A writer that fails stops nothing already stored
 * from being pushed; its failure is the run's once the drain is over.
 */
final class StoreAndPush {
  /** The order levels are stored and pushed in. */
  static final List<EntityLevel> ORDER = List.of(EntityLevel.ACCOUNT, EntityLevel.USER);
  private static final AtomicInteger WRITERS = new AtomicInteger();

  private final StateStore store;
  private final Payloads payloads;
  private final Clock clock;
  private final String sync;
  private final long runId;
  private final PqlConfig.Named<DestinationConfig> target;
  private final ChangeWriter.Chunking chunking;
  private final EarlyMatch earlyMatch;

  /** {@code earlyMatch}: the records looked up while the events were read, which the push takes. */
  StoreAndPush(StateStore store, Payloads payloads, Clock clock, String sync, long runId,
      PqlConfig.Named<DestinationConfig> target, ChangeWriter.Chunking chunking, EarlyMatch earlyMatch) {
    this.store = store;
    this.payloads = payloads;
    this.clock = clock;
    this.sync = sync;
    this.runId = runId;
    this.target = target;
    this.chunking = chunking;
    this.earlyMatch = earlyMatch;
  }

  /** What was pushed, and how many task intents were stored. */
  record Pushed(DrainTally tally, int tasksQueued) {}

  Pushed run(RunChanges changes, Instant now, Duration historyRetention, CrmDestination destination,
      Directory directory, Progress progress, BooleanSupplier stopping) {
    long earlier = store.read(c -> new OutboxDao().dueCount(c, sync, clock.instant()));
    StoredChunks stored = new StoredChunks();
    ChangeWriter writer = new ChangeWriter(store, sync, runId, now, historyRetention, chunking);
    CompletableFuture<Integer> writing = startWriting(() -> writer.write(changes, ORDER, stored));
    DrainTally tally = new DrainTally();
    OutboxDrainer records = new OutboxDrainer(store, destination, payloads, clock, sync, runId,
        target.recheckUnmatched()).lookingUpEarly(earlyMatch);
    progress.phase("pushing");
    try {
      records.drain(ORDER, stored, changes.updated(), tally, progress, earlier + changes.updated().size(), stopping);
    } finally {
      awaitQuietly(writing);
    }
    int tasksQueued = join(writing);
    directory.saved(changes.entries());
    directory.recordOwners(store, sync, records.records());
    if (!tally.stopped) {
      new TaskDrainer(store, destination, payloads, target.config().tasks(), clock, sync)
          .drain(records.records(), tally);
    }
    return new Pushed(tally, tasksQueued);
  }

  private CompletableFuture<Integer> startWriting(Supplier<Integer> work) {
    Map<String, String> context = MDC.getCopyOfContextMap();
    CompletableFuture<Integer> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      if (context != null) {
        MDC.setContextMap(context);
      }
      try {
        result.complete(work.get());
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    }, "pql-store-" + WRITERS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  private static void awaitQuietly(CompletableFuture<Integer> writing) {
    try {
      writing.join();
    } catch (CompletionException e) {
      // rethrown by join() once the drain's own outcome is known
    }
  }

  private static int join(CompletableFuture<Integer> writing) {
    try {
      return writing.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
