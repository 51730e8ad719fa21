package io.github.pqlconnector.app.cli;

import sun.misc.Signal;

/**
 * SIGTERM/SIGINT (stop gracefully, exit 0) and SIGHUP (reload the config) for {@code pql serve}. Handling
 * TERM ourselves, instead of through a shutdown hook, lets the daemon finish its batch and exit with 0.
 */
final class Signals {
  private Signals() {}

  static void onTerminate(Runnable action) {
    handle("TERM", action);
    handle("INT", action);
  }

  static void onHangup(Runnable action) {
    handle("HUP", action);
  }

  private static void handle(String name, Runnable action) {
    try {
      Signal.handle(new Signal(name), signal -> action.run());
    } catch (IllegalArgumentException e) {
      // the platform has no such signal (HUP on Windows): nothing to wire
    }
  }
}
