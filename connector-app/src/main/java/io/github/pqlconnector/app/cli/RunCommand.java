package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.sync.RunTrigger;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pql run}: one run of a sync, now. */
@Command(name = "run", description = "Run a sync now: evaluate, write changed records and new tasks, record the run.")
final class RunCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Option(names = "--sync", paramLabel = "NAME", description = "The sync to run (needed when the config has several).")
  String sync;
  @Option(names = "--full", description = "Re-read the source from the start instead of from its cursor.")
  boolean full;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try (AppContext app = AppContext.load(config.file)) {
      TerminalProgress progress = TerminalProgress.forConsole(spec.commandLine().getErr());
      RunSummary summary = app.runner().run(sync, RunTrigger.MANUAL, full, progress);
      progress.done();
      Printer.summary(spec.commandLine().getOut(), summary);
      return summary.status() == RunSummary.RunStatus.SUCCESS ? ExitCodes.OK : ExitCodes.RECORD_FAILURES;
    }
  }
}
