package io.github.pqlconnector.core.sync;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.MDC;

/**
 * Runs up to {@code limit} batches at once so network latency overlaps while the destination's own rate
 * limiter keeps the pace. Submitting blocks while {@code limit} are running. The first failure stops new
 * submissions and is rethrown by {@link #awaitAll()} once the batches already in flight have finished, so
 * every batch either completed its bookkeeping or never started. With a limit of one, batches run on the
 * caller's thread, exactly as a serial loop would.
 */
final class InFlight implements AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final int limit;
  private final Semaphore slots;
  private final ExecutorService pool;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  InFlight(int limit) {
    this(limit, new Semaphore(limit));
  }

  /**
   * Sharing {@code slots} (of {@code limit} permits) with another {@code InFlight}: both together keep at most
   * {@code limit} batches running, the caller's thread included.
   */
  InFlight(int limit, Semaphore slots) {
    this.limit = limit;
    this.slots = slots;
    int poolNumber = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.pool = limit == 1 ? null : Executors.newFixedThreadPool(limit, task -> {
      Thread thread = new Thread(task, "pql-push-" + poolNumber + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Whether a batch has failed, after which nothing more should be submitted. */
  boolean failed() {
    return failure.get() != null;
  }

  /** Runs the batch now (limit one) or as soon as a slot is free. */
  void submit(Runnable batch) {
    if (pool == null) {
      slots.acquireUninterruptibly();
      try {
        run(batch);
      } finally {
        slots.release();
      }
      return;
    }
    slots.acquireUninterruptibly();
    Map<String, String> context = MDC.getCopyOfContextMap();
    pool.execute(() -> {
      try {
        if (context != null) {
          MDC.setContextMap(context);
        }
        run(batch);
      } finally {
        MDC.clear();
        slots.release();
      }
    });
  }

  /** Waits for every submitted batch, then rethrows the first failure, if any. */
  void awaitAll() {
    slots.acquireUninterruptibly(limit);
    slots.release(limit);
    RuntimeException first = failure.get();
    if (first != null) {
      throw first;
    }
  }

  private void run(Runnable batch) {
    if (failed()) {
      return;
    }
    try {
      batch.run();
    } catch (RuntimeException e) {
      if (!failure.compareAndSet(null, e)) {
        failure.get().addSuppressed(e);
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
