package io.github.pqlconnector.sources.file;

import io.github.pqlconnector.core.model.Event;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One of {@link BackgroundParser}'s parsing threads: takes chunks in, parses their lines with its own
 * {@link EventLineParser} (its own pool of ids), and puts parts of at most {@value BackgroundParser#BATCH} lines out,
 * the chunk's last one marked. A reader gone without its end marker, or any failure here, goes out as a failure.
 */
final class ParserThread {
  static final BackgroundParser.Part END = new BackgroundParser.Part(List.of(), List.of(), true, 0, null);
  private static final int POLL_MILLIS = 200;

  final Thread thread;
  final Queue<ChunkReader.Chunk> in = new Queue<>(4);
  final BlockingQueue<BackgroundParser.Part> out = new ArrayBlockingQueue<>(16);
  private final BackgroundParser owner;
  private final EventLineParser parser;

  ParserThread(BackgroundParser owner, EventLineParser parser, String name) {
    this.owner = owner;
    this.parser = parser;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  private void run() {
    try {
      for (ChunkReader.Chunk chunk = nextChunk(); chunk != BackgroundParser.endOfInput(); chunk = nextChunk()) {
        parse(chunk);
        owner.giveBack(chunk.bytes());
      }
      out.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ChunkFailure e) {
      failed(e.getCause());
    } catch (Throwable e) {   // an Error too: the consumer must hear of it, not wait
      failed(e);
    }
  }

  /** Carries the reader's failure out of {@link #nextChunk()} to be passed on as it is. */
  private static final class ChunkFailure extends RuntimeException {
    ChunkFailure(Throwable cause) {
      super(cause);
    }
  }

  /** The next chunk; a reader that died without sending the end is a failure of the read. */
  private ChunkReader.Chunk nextChunk() throws InterruptedException, IOException {
    ChunkReader.Chunk chunk = in.queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
    while (chunk == null) {
      if (owner.cancelled()) {
        throw new InterruptedIOException("read cancelled");
      }
      if (!owner.readerAlive() && in.queue.isEmpty()) {
        throw new IllegalStateException("the reader thread stopped without finishing the file");
      }
      chunk = in.queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
    }
    if (chunk.failure() != null) {
      throw new ChunkFailure(chunk.failure());
    }
    return chunk;
  }

  private void parse(ChunkReader.Chunk chunk) throws IOException {
    List<Event> events = new ArrayList<>(BackgroundParser.BATCH);
    List<BackgroundParser.Rejected> rejected = new ArrayList<>();
    long lines = LineScanner.scanChunk(chunk.bytes(), chunk.length(), (bytes, offset, length, line) -> {
      EventLineParser.Parsed parsed = parser.parse(bytes, offset, length);
      if (parsed.event() != null) {
        events.add(parsed.event());
      } else {
        rejected.add(new BackgroundParser.Rejected(line, parsed.problem()));
      }
      if (events.size() + rejected.size() == BackgroundParser.BATCH) {
        put(new BackgroundParser.Part(List.copyOf(events), List.copyOf(rejected), false, 0, null));
        events.clear();
        rejected.clear();
      }
    });
    put(new BackgroundParser.Part(List.copyOf(events), List.copyOf(rejected), true, lines, null));
  }

  private void put(BackgroundParser.Part part) throws InterruptedIOException {
    try {
      while (!out.offer(part, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        if (owner.cancelled()) {
          throw new InterruptedIOException("read cancelled");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("read interrupted");
    }
  }

  /** Sends {@code failure} as this thread's next part, unless the consumer is gone. */
  void failed(Throwable failure) {
    try {
      put(new BackgroundParser.Part(List.of(), List.of(), true, 0, failure));
    } catch (InterruptedIOException ignored) {
      // the consumer is gone; nobody is waiting for this part
    }
  }

  void clear() {
    in.queue.clear();
    out.clear();
  }

  /** A bounded queue whose put gives up when the read is cancelled. */
  static final class Queue<T> {
    final BlockingQueue<T> queue;

    Queue(int capacity) {
      queue = new ArrayBlockingQueue<>(capacity);
    }

    void put(T item, BackgroundParser owner) throws InterruptedIOException {
      try {
        while (!queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          if (owner.cancelled()) {
            throw new InterruptedIOException("read cancelled");
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("read interrupted");
      }
    }
  }
}
