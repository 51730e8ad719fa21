package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.sync.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Progress on a terminal (one rewritten status line on stderr), or INFO log lines when not attached to one. */
final class TerminalProgress implements Progress {
  private static final Logger log = LoggerFactory.getLogger(TerminalProgress.class);

  private final PrintWriter err;
  private final boolean terminal;
  private long lastPushedLog;

  private TerminalProgress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  static TerminalProgress forConsole(PrintWriter err) {
    return new TerminalProgress(err, System.console() != null);
  }

  @Override
  public void eventsRead(long total) {
    show(String.format(Locale.US, "reading events: %,d", total));
  }

  @Override
  public void phase(String name) {
    show(name + "…");
  }

  @Override
  public void pushed(long done, long total) {
    if (terminal || done - lastPushedLog >= 10_000 || done == total) {
      lastPushedLog = done;
      show(String.format(Locale.US, "pushing: %,d of %,d", done, total));
    }
  }

  private void show(String line) {
    if (terminal) {
      err.print("\r\033[K" + line);
      err.flush();
    } else {
      log.info(line);
    }
  }

  /** Clears the status line before the command prints its result. */
  void done() {
    if (terminal) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
