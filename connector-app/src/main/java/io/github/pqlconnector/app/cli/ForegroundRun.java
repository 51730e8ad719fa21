package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.sync.SyncRunner;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SIGTERM and Ctrl-C for a run in the foreground ({@code pql run}, {@code retry}, {@code reconcile}), handled from the
 * moment the command starts: a signal that arrives while the config loads or the state database opens is handed to
 * the runner as soon as it exists, instead of letting the JVM shut down and close the database under the run.
 */
final class ForegroundRun {
  private final AtomicReference<SyncRunner> runner = new AtomicReference<>();
  private volatile boolean stopAsked;

  private ForegroundRun() {}

  /** Takes over SIGTERM and SIGINT for {@code pql <command>}, saying on {@code err} what a stop does. */
  static ForegroundRun install(String command, PrintWriter err) {
    ForegroundRun run = new ForegroundRun();
    Signals.onTerminate(() -> {
      err.println("pql " + command + ": stopping (a read of the source at once, a write after the batch in flight);"
          + " what is left stays for the next run");
      err.flush();
      run.stop();
    });
    return run;
  }

  /** {@code created}, told to stop at once if a signal came before it existed. */
  SyncRunner attach(SyncRunner created) {
    runner.set(created);
    if (stopAsked) {
      created.requestStop();
    }
    return created;
  }

  /** 0 for SUCCESS, 143 for STOPPED, 1 when records or tasks failed. */
  static int exitCode(RunSummary summary) {
    return switch (summary.status()) {
      case SUCCESS -> ExitCodes.OK;
      case STOPPED -> ExitCodes.STOPPED;
      default -> ExitCodes.RECORD_FAILURES;
    };
  }

  private void stop() {
    stopAsked = true;
    SyncRunner current = runner.get();
    if (current != null) {
      current.requestStop();
    }
  }
}
