package io.github.pqlconnector.sources.file;

import io.github.pqlconnector.core.model.Event;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads an events file on one thread and parses it on two, handing batches in file order to the thread that feeds
 * the engine: parsing, the busiest part, then uses both cores beside the aggregation. The reader cuts the file into
 * chunks of whole lines ({@link ChunkReader}) and deals them alternately to the parsers; the consumer takes their
 * batches alternately too, a chunk at a time, so order and line numbers come out as one thread would give them.
 * Queues and buffers are bounded and a batch holds at most {@value #BATCH} lines, good or rejected, so memory stays
 * bounded however large or malformed the file. Whatever ends a thread (an I/O error, an {@link OutOfMemoryError}, a
 * bug) reaches the consumer as a batch's failure, in order, and a thread that dies without saying so is noticed.
 */
final class BackgroundParser implements AutoCloseable {
  static final int BATCH = 2048;
  private static final int PARSERS = 2;
  private static final int BUFFERS = 8;
  private static final int POLL_MILLIS = 200;

  /** Parsed events and rejected lines ({@code location}, {@code problem}), or the failure that ended the read. */
  record Batch(List<Event> events, List<String[]> rejected, @Nullable Throwable failure) {}

  /** What a parser hands over: lines numbered within their chunk; the chunk's last part says how many it had. */
  record Part(List<Event> events, List<Rejected> rejected, boolean last, long lines, @Nullable Throwable failure) {}

  record Rejected(long line, String problem) {}

  private static final ChunkReader.Chunk END_OF_INPUT = new ChunkReader.Chunk(new byte[0], 0);

  private final String label;
  private final Thread reader;
  private final List<ParserThread> parsers = new ArrayList<>();
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
  private volatile boolean cancelled;
  private int current;
  private long lineBase;
  private boolean done;

  BackgroundParser(InputStream in, Supplier<EventLineParser> parser, String label) {
    this.label = label;
    for (int i = 0; i < PARSERS; i++) {
      parsers.add(new ParserThread(this, parser.get(), "pql-parse-" + label + "-" + (i + 1)));
    }
    for (int i = 0; i < BUFFERS; i++) {
      free.add(new byte[ChunkReader.CHUNK]);
    }
    this.reader = new Thread(() -> read(in), "pql-read-" + label);
    reader.setDaemon(true);
  }

  /**
   * The reader first: a parser that finds its queue empty and the reader not alive takes the reader for dead, so the
   * reader must be alive before any parser can look.
   */
  void start() {
    reader.start();
    parsers.forEach(p -> p.thread.start());
  }

  /** The next batch, or null after the last one; a thread gone without its end marker is a failure. */
  @Nullable Batch next() throws InterruptedException {
    while (!done) {
      ParserThread parser = parsers.get(current);
      boolean alive = parser.thread.isAlive();
      Part part = parser.out.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
      if (part != null) {
        return located(part);
      }
      if (!alive) {   // dead before the poll and nothing left: it ended without its end marker
        done = true;
        return failure(new IllegalStateException("the parsing thread " + parser.thread.getName()
            + " stopped without finishing the file"));
      }
    }
    return null;
  }

  private @Nullable Batch located(Part part) {
    if (part.failure() != null) {
      done = true;
      return failure(part.failure());
    }
    if (part == ParserThread.END) {
      done = true;
      return null;
    }
    List<String[]> rejected = new ArrayList<>(part.rejected().size());
    part.rejected().forEach(r -> rejected.add(new String[] {label + ":" + (lineBase + r.line()), r.problem()}));
    if (part.last()) {
      lineBase += part.lines();
      current = (current + 1) % PARSERS;
    }
    return new Batch(part.events(), rejected, null);
  }

  private static Batch failure(Throwable failure) {
    return new Batch(List.of(), List.of(), failure);
  }

  /** The reader thread: chunks dealt in turn, then the end; a failure goes to the parser whose turn it is. */
  private void read(InputStream in) {
    int turn = 0;
    try (in) {
      ChunkReader chunks = new ChunkReader(in);
      for (ChunkReader.Chunk chunk = chunks.next(take()); chunk != null; chunk = chunks.next(take())) {
        parsers.get(turn).in.put(chunk, this);
        turn = (turn + 1) % PARSERS;
      }
      for (int i = 0; i < PARSERS; i++) {
        parsers.get((turn + i) % PARSERS).in.put(END_OF_INPUT, this);
      }
    } catch (Throwable e) {   // an Error too: the consumer must hear of it, in order, not wait
      try {
        parsers.get(turn).in.put(new ChunkReader.Chunk(new byte[0], 0, e), this);
      } catch (InterruptedIOException ignored) {
        // the consumer is gone; nobody is waiting for this failure
      }
    }
  }

  private byte[] take() throws InterruptedIOException {
    try {
      byte[] buffer = free.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
      while (buffer == null) {
        if (cancelled) {
          throw new InterruptedIOException("read cancelled");
        }
        buffer = free.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
      }
      return buffer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("read interrupted");
    }
  }

  void giveBack(byte[] buffer) {
    free.offer(buffer);
  }

  boolean cancelled() {
    return cancelled;
  }

  boolean readerAlive() {
    return reader.isAlive();
  }

  static ChunkReader.Chunk endOfInput() {
    return END_OF_INPUT;
  }

  /** Stops every thread if the consumer gives up early (its sink threw). */
  @Override
  public void close() {
    cancelled = true;
    parsers.forEach(ParserThread::clear);
  }
}
