package io.github.pqlconnector.sources.file;

import io.github.pqlconnector.core.model.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Reads and parses an events file on its own thread and hands batches, in file order, to the thread that
 * feeds the engine: parsing and aggregating then use both cores. The queue is bounded and a batch holds at most
 * {@value #BATCH} lines, good or rejected, so memory stays bounded however large or malformed the file. Whatever
 * ends the reader thread (an I/O error, an {@link OutOfMemoryError}, a bug) reaches the consumer as the batch's
 * failure, and a reader that dies without saying so is noticed: the consumer never waits for ever.
 */
final class BackgroundParser implements AutoCloseable {
  private static final int BATCH = 2048;
  private static final int POLL_MILLIS = 200;
  private static final Batch END = new Batch(List.of(), List.of(), null);

  /** Parsed events and rejected lines ({@code location}, {@code problem}), or the failure that ended the read. */
  record Batch(List<Event> events, List<String[]> rejected, @Nullable Throwable failure) {}

  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(32);
  private final Thread thread;
  private volatile boolean cancelled;

  BackgroundParser(InputStream in, EventLineParser parser, String label) {
    this.thread = new Thread(() -> produce(in, parser, label), "pql-parse-" + label);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** The next batch, or null after the last one; a reader thread gone without its end marker is a failure. */
  @Nullable Batch next() throws InterruptedException {
    Batch batch = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
    while (batch == null) {
      if (!thread.isAlive()) {
        batch = queue.poll();
        if (batch == null) {
          return new Batch(List.of(), List.of(), new IllegalStateException("the reader thread " + thread.getName()
              + " stopped without finishing the file"));
        }
        break;
      }
      batch = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
    }
    return batch == END ? null : batch;
  }

  private void produce(InputStream in, EventLineParser parser, String label) {
    List<Event> events = new ArrayList<>(BATCH);
    List<String[]> rejected = new ArrayList<>();
    try (in) {
      LineScanner.scan(in, (bytes, offset, length, line) -> {
        EventLineParser.Parsed parsed = parser.parse(bytes, offset, length);
        if (parsed.event() != null) {
          events.add(parsed.event());
        } else {
          rejected.add(new String[] {label + ":" + line, parsed.problem()});
        }
        if (events.size() + rejected.size() == BATCH) {
          put(new Batch(List.copyOf(events), List.copyOf(rejected), null));
          events.clear();
          rejected.clear();
        }
      });
      put(new Batch(events, rejected, null));
      put(END);
    } catch (IOException | RuntimeException | Error e) {
      events.clear();
      rejected.clear();
      putQuietly(new Batch(List.of(), List.of(), e));
      putQuietly(END);
    }
  }

  private void put(Batch batch) throws InterruptedIOException {
    try {
      while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
        if (cancelled) {
          throw new InterruptedIOException("read cancelled");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("read interrupted");
    }
  }

  private void putQuietly(Batch batch) {
    try {
      put(batch);
    } catch (InterruptedIOException ignored) {
      // the consumer is gone; nobody is waiting for this batch
    }
  }

  /** Stops the reader thread if the consumer gives up early (its sink threw). */
  @Override
  public void close() {
    cancelled = true;
    queue.clear();
  }
}
