package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.sync.RunSummary;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pql retry}: refused and unmatched records (and refused tasks) of a sync due now, then a run. */
@Command(name = "retry", description = "Try refused and not-found records and refused tasks again now, then run the"
    + " sync (recorded as a RETRY run).")
final class RetryCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Option(names = "--sync", paramLabel = "NAME",
      description = "The sync to retry (needed when the config has several).")
  String sync;
  @Option(names = "--record", paramLabel = "ID", description = "Only this user or account id, as in pql explain"
      + " (default: every refused or not-found record).")
  String record;
  @Option(names = "--level", paramLabel = "LEVEL", description = "user or account, with --record (default: both).")
  EntityLevel level;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (level != null && record == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--level needs --record");
    }
    ForegroundRun foreground = ForegroundRun.install("retry", spec.commandLine().getErr());
    try (AppContext app = AppContext.load(config.file)) {
      TerminalProgress progress = TerminalProgress.forConsole(spec.commandLine().getErr());
      try {
        RunSummary summary = foreground.attach(app.runner()).retry(sync, entities(), progress);
        progress.done();
        Printer.summary(spec.commandLine().getOut(), summary);
        return ForegroundRun.exitCode(summary);
      } finally {
        app.sendAlerts();   // a failed run's alert too
      }
    }
  }

  private List<EntityRef> entities() {
    if (record == null) {
      return List.of();
    }
    return level != null ? List.of(new EntityRef(level, record))
        : Arrays.stream(EntityLevel.values()).map(l -> new EntityRef(l, record)).toList();
  }
}
