package io.github.pqlconnector.app.admin;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose first request has not arrived whole within the deadline. Jetty parses headers without
 * holding a thread, and its idle timeout restarts with every byte, so a client sending one byte a second would
 * keep a connection open for ever; this bounds how long a slow client can hold one before it is even known who
 * it is. (Later requests on a kept-alive connection are bounded by the idle timeout.)
 */
final class HeaderDeadline implements Connection.Listener {
  private final Scheduler scheduler;
  private final Duration deadline;

  HeaderDeadline(Scheduler scheduler, Duration deadline) {
    this.scheduler = scheduler;
    this.deadline = deadline;
  }

  @Override
  public void onOpened(Connection connection) {
    scheduler.schedule(() -> {
      if (connection.getMessagesIn() == 0 && connection.getEndPoint().isOpen()) {
        connection.getEndPoint().close();
      }
    }, deadline.toMillis(), TimeUnit.MILLISECONDS);
  }
}
