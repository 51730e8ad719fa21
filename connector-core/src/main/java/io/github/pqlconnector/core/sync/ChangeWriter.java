package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.state.BucketDao;
import io.github.pqlconnector.core.state.CursorDao;
import io.github.pqlconnector.core.state.EntityDirectoryDao;
import io.github.pqlconnector.core.state.EntityStateDao;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.state.TaskDao;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a run's changes in chunks of up to {@value #CHUNK} entities (by default), the levels in step and each level's
 * ids ascending, each chunk in one transaction: the entities' states, verdict history, outbox rows, task intents
 * and directory entries together. So the drain can push a chunk as soon as it has committed, and nothing is ever
 * pushed that is not stored. The source's cursor and day buckets are stored last, after every chunk: a crash in
 * between leaves stored verdicts that the next run, reading the same events again, finds unchanged.
 */
final class ChangeWriter {
  static final int CHUNK = 1_000;

  private final StateStore store;
  private final String sync;
  private final long runId;
  private final Instant now;
  private final Duration historyRetention;
  private final Chunking chunking;

  /**
   * The first transactions of a run store at most one CRM batch (100 entities) of the largest level, so the first write
   * waits for the shortest commit; then each stores as many as are stored already (a cold JVM stores slowly at
   * first, and the drain must not wait for a whole chunk then), up to {@link Chunking#entities} at a time.
   */
  static final int FIRST_CHUNK = 100;

  /** How many entities a transaction stores, and what to do after each commit (tests pause or fail there). */
  record Chunking(int entities, Runnable afterCommit) {
    static final Chunking DEFAULT = new Chunking(CHUNK, () -> {});
  }

  ChangeWriter(StateStore store, String sync, long runId, Instant now, Duration historyRetention, Chunking chunking) {
    this.store = store;
    this.sync = sync;
    this.runId = runId;
    this.now = now;
    this.historyRetention = historyRetention;
    this.chunking = chunking;
  }

  /**
   * Stores everything, handing each committed chunk to {@code stored}; the number of task intents queued. The levels
   * advance together, each by its share: with 1,000 accounts and 10,000 users a chunk of 1,000 users goes with 100
   * accounts. So the drain gets every level's work spread over the whole run, and one level's slower calls (a search
   * on its own lower limit) never take most of the batch slots at once.
   */
  int write(RunChanges run, List<EntityLevel> order, StoredChunks stored) {
    try {
      int tasks = 0;
      int largest = order.stream().mapToInt(level -> run.refs(level).size()).max().orElse(0);
      Map<EntityLevel, Integer> done = new EnumMap<>(EntityLevel.class);
      for (long reached = 0; reached < largest; ) {
        reached = Math.min(largest, reached + Math.min(chunking.entities(), Math.max(firstChunk(), reached)));
        for (EntityLevel level : order) {
          List<EntityRef> refs = run.refs(level);
          int from = done.getOrDefault(level, 0);
          int to = (int) Math.min(refs.size(), (reached * refs.size() + largest - 1) / largest);
          if (to > from) {
            tasks += storeChunk(level, run.slice(level, refs.subList(from, to)), stored);
            done.put(level, to);
          }
        }
      }
      writeSourcePosition(run);
      return tasks;
    } finally {
      stored.end();
    }
  }

  private int firstChunk() {
    return Math.min(FIRST_CHUNK, chunking.entities());
  }

  /** Commits one chunk and hands its entities to the drain. */
  private int storeChunk(EntityLevel level, RunChanges.Slice slice, StoredChunks stored) {
    int tasks = writeChunk(slice);
    stored.committed(level, slice.updates().stream().map(row -> row.entity().id()).toList());
    chunking.afterCommit().run();
    return tasks;
  }

  private int writeChunk(RunChanges.Slice slice) {
    return store.write(c -> {
      new EntityStateDao().save(c, sync, slice.states());
      new VerdictHistoryDao().record(c, sync, runId, now, slice.verdicts());
      new OutboxDao().enqueue(c, sync, slice.updates(), now);
      int tasks = new TaskDao().enqueue(c, sync, slice.tasks(), now);
      new EntityDirectoryDao().save(c, sync, slice.entries());
      return tasks;
    });
  }

  private void writeSourcePosition(RunChanges run) {
    store.write(c -> {
      new VerdictHistoryDao().prune(c, sync, now.minus(historyRetention));
      if (run.evaluated().cursor() != null) {
        new CursorDao().put(c, sync, run.evaluated().cursor(), now);
      }
      if (run.evaluated().buckets() != null) {
        new BucketDao().apply(c, sync, run.evaluated().buckets(), now);
      }
      return null;
    });
  }
}
