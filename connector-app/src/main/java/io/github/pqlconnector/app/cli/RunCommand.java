package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.sync.RunTrigger;
import io.github.pqlconnector.core.sync.SyncRunner;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pql run}: one run of a sync, now. SIGTERM or Ctrl-C stops it as {@code pql serve} stops: a read of the
 * source ends at once (nothing of it is written), a write after the batch in flight with the rest left in the
 * outbox; the run is recorded as STOPPED and the exit code is 143.
 */
@Command(name = "run", description = "Run a sync now: evaluate, write changed records and new tasks, record the run."
    + " SIGTERM ends a read at once or finishes the batch in flight, records the run as STOPPED and exits 143.")
final class RunCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Option(names = "--sync", paramLabel = "NAME", description = "The sync to run (needed when the config has several).")
  String sync;
  @Option(names = "--full", description = "Re-read the source from the start instead of from its cursor.")
  boolean full;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ForegroundRun foreground = ForegroundRun.install("run", err);
    try (AppContext app = AppContext.load(config.file)) {
      TerminalProgress progress = TerminalProgress.forConsole(err);
      try {
        SyncRunner runner = foreground.attach(app.runner());
        RunSummary summary = runner.run(sync, RunTrigger.MANUAL, full, progress);
        progress.done();
        Printer.summary(spec.commandLine().getOut(), summary);
        return ForegroundRun.exitCode(summary);
      } finally {
        app.sendAlerts();   // a failed run's alert too
      }
    }
  }
}
