package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.sync.RunSummary;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pql reconcile}: read the PQL fields back from the CRM, re-queue what differs, and run the sync now. */
@Command(name = "reconcile", description = {"Read the PQL fields back from the CRM, queue every record someone"
    + " overwrote (and match again the ones the CRM no longer has), then run the sync so the repairs are written now.",
    "Costs one read call per batch of records the connector wrote (HubSpot 100 per batch/read, Salesforce about"
        + " 290 per SOQL query, Bitrix24 2,500 per batch call)."})
final class ReconcileCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Option(names = "--sync", paramLabel = "NAME", description = "The sync to reconcile (needed when the config has several).")
  String sync;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ForegroundRun foreground = ForegroundRun.install("reconcile", spec.commandLine().getErr());
    try (AppContext app = AppContext.load(config.file)) {
      TerminalProgress progress = TerminalProgress.forConsole(spec.commandLine().getErr());
      try {
        RunSummary summary = foreground.attach(app.runner()).reconcileAndRun(sync, progress);
        progress.done();
        PrintWriter out = spec.commandLine().getOut();
        if (summary.reconciliation() == null) {
          Printer.reconciliation(out, summary);
        }
        Printer.summary(out, summary);
        return ForegroundRun.exitCode(summary);
      } finally {
        app.sendAlerts();   // a failed run's alert too
      }
    }
  }
}
