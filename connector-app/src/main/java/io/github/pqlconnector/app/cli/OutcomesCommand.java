package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.sync.OutcomeRead;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pql outcomes}: read who converted from the sync's destination now (every run does it too). */
@Command(name = "outcomes", description = {"Read who converted from the sync's destination now (closed-won deals,"
    + " converted leads, an outcomes file), from where the last read stopped, and join them to the users and"
    + " accounts the connector wrote. Every run does the same when the destination has outcomes configured.",
    "Exit codes: 0 read, 2 rows rejected or no outcomes configured, 3 the destination cannot be reached."})
final class OutcomesCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Option(names = "--sync", paramLabel = "NAME", description = "The sync whose destination to read (needed when the"
      + " config has several).")
  String sync;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try (AppContext app = AppContext.load(config.file)) {
      OutcomeRead read = app.runner().readOutcomes(sync);
      PrintWriter out = spec.commandLine().getOut();
      out.println(read.describe());
      if (read.rejected() == 0) {
        return ExitCodes.OK;
      }
      PrintWriter err = spec.commandLine().getErr();
      read.rejectedSamples().forEach(sample -> err.println("  rejected " + sample));
      if (read.rejected() > read.rejectedSamples().size()) {
        err.printf("  (and %d more)%n", read.rejected() - read.rejectedSamples().size());
      }
      return ExitCodes.BAD_CONFIG;
    }
  }
}
