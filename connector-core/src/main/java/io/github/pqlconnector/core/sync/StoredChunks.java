package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityLevel;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * The hand-over from {@link ChangeWriter} to the drain: after each chunk commits, the ids of its entities with an
 * outbox row, which the drain may push from then on; then an end, also when the writer failed.
 */
final class StoredChunks {
  /** One committed chunk's entities with an outbox row, at one level. */
  record Chunk(EntityLevel level, List<String> ids) {}

  private static final Chunk END = new Chunk(EntityLevel.USER, List.of());
  private final LinkedBlockingQueue<Chunk> committed = new LinkedBlockingQueue<>();

  void committed(EntityLevel level, List<String> ids) {
    if (!ids.isEmpty()) {
      committed.add(new Chunk(level, List.copyOf(ids)));
    }
  }

  void end() {
    committed.add(END);
  }

  /** The next committed chunk, waiting for it; null once the writer is done (or interrupted). */
  @Nullable Chunk next() {
    try {
      Chunk chunk = committed.take();
      if (chunk == END) {
        committed.add(END);   // so that asking again still ends
        return null;
      }
      return chunk;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
