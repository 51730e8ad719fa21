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
import java.util.List;

/**
 * Stores a run's changes in chunks of {@value #CHUNK} entities (by default), in the order the drain pushes them (level by level,
 * ids ascending), each chunk in one transaction: the entities' states, verdict history, outbox rows, task intents
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
   * The first transaction of a run stores at most one CRM batch (100 entities), so the first write waits for the
   * shortest commit; the rest go {@link Chunking#entities} at a time.
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

  /** Stores everything, handing each committed chunk to {@code stored}; the number of task intents queued. */
  int write(RunChanges run, List<EntityLevel> order, StoredChunks stored) {
    try {
      int tasks = 0;
      int size = Math.min(FIRST_CHUNK, chunking.entities());
      for (EntityLevel level : order) {
        List<EntityRef> refs = run.refs(level);
        for (int from = 0; from < refs.size(); from += size, size = chunking.entities()) {
          RunChanges.Slice slice = run.slice(level, refs.subList(from, Math.min(refs.size(), from + size)));
          tasks += writeChunk(slice);
          stored.committed(level, slice.updates().stream().map(row -> row.entity().id()).toList());
          chunking.afterCommit().run();
        }
      }
      writeSourcePosition(run);
      return tasks;
    } finally {
      stored.end();
    }
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
