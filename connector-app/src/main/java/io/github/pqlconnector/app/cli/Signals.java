package io.github.pqlconnector.app.cli;

import sun.misc.Signal;

/**
 * SIGTERM/SIGINT (stop gracefully, exit 0) and SIGHUP (reload the config) for {@code pql serve}. Handling
 * TERM ourselves, instead of through a shutdown hook, lets the daemon finish its batch and exit with 0.
 */
final class Signals {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Signals.class);

  private Signals() {}

  static void onTerminate(Runnable action) {
    handle("TERM", action);
    handle("INT", action);
  }

  static void onHangup(Runnable action) {
    handle("HUP", action);
  }

  /** Signal threads have no context class loader, which Quartz and JDBC need: lend them ours. */
  private static void run(String name, Runnable action) {
    Thread thread = Thread.currentThread();
    thread.setContextClassLoader(Signals.class.getClassLoader());
    try {
      action.run();
    } catch (RuntimeException e) {
      log.error("handling SIG{} failed: {}", name, e.getMessage());
      log.debug("SIG{} failure", name, e);
    }
  }

  private static void handle(String name, Runnable action) {
    try {
      Signal.handle(new Signal(name), signal -> run(name, action));
    } catch (IllegalArgumentException e) {
      // the platform has no such signal (HUP on Windows): nothing to wire
    }
  }
}
