package io.github.pqlconnector.app.admin;

import java.time.Duration;

/**
 * Counts the requests being handled, so that closing can wait for them. (On JDK 17, {@code HttpServer.stop(n)}
 * always waits the full n seconds even when idle, so the server is stopped with 0 after this has drained.)
 */
final class InFlight {
  private int count;

  synchronized void enter() {
    count++;
  }

  synchronized void exit() {
    count--;
    if (count == 0) {
      notifyAll();
    }
  }

  /** Waits until no request is being handled, or the timeout passes; true when idle. */
  synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
