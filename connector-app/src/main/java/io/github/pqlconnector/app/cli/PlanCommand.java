package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.app.admin.ApiJson;
import io.github.pqlconnector.app.scheduler.PlanPreviews;
import io.github.pqlconnector.core.model.PqlResult;
import io.github.pqlconnector.core.sync.PlanResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pql plan}: a dry run. Nothing is written, neither to the CRM nor to the state database. */
@Command(name = "plan", description = "Dry run: what a run would change and which tasks it would open. Writes nothing.")
final class PlanCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Option(names = "--sync", paramLabel = "NAME", description = "The sync to plan (needed when the config has several).")
  String sync;
  @Option(names = "--show", paramLabel = "N", defaultValue = "20", description = "Changes to list (default: ${DEFAULT-VALUE}).")
  int show;
  @Mixin OutputFormat output;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (AppContext app = AppContext.load(config.file)) {
      TerminalProgress progress = TerminalProgress.forConsole(spec.commandLine().getErr());
      long started = System.nanoTime();
      PlanResult plan = app.runner().plan(sync, progress);
      progress.done();
      if (output.json()) {
        out.println(ApiJson.plan(PlanPreviews.done(plan, show, Duration.ofNanos(System.nanoTime() - started))));
        return ExitCodes.OK;
      }
      Printer.counts(out, plan.counts());
      out.printf("%nwould write %s (%s unchanged), open %s%n", ExitCodes.plural(plan.counts().changed(), "record"),
          String.format("%,d", plan.counts().unchanged()), ExitCodes.plural(plan.wouldOpenTasks().size(), "task"));
      if (!plan.transitions().isEmpty()) {
        out.println("transitions: " + plan.transitions().stream()
            .map(t -> t.from() + " → " + t.to() + " " + t.count()).collect(Collectors.joining(", ")));
      }
      plan.wouldWrite().stream().map(e -> e.result())
          .sorted(Comparator.comparingInt(PqlResult::score).reversed()).limit(show)
          .forEach(r -> out.println("  " + Printer.line(r)));
      if (!plan.wouldOpenTasks().isEmpty()) {
        out.println("\ntasks:");
        plan.wouldOpenTasks().stream().limit(show).forEach(t -> out.println("  " + t));
      }
      Printer.report(out, plan.report());
      return ExitCodes.OK;
    }
  }
}
