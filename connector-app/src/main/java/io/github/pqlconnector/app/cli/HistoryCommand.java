package io.github.pqlconnector.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.app.admin.ApiJson;
import io.github.pqlconnector.app.admin.RunDetail;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.state.ReconciliationDao;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.RunDao.RunRow;
import io.github.pqlconnector.core.sync.Payloads;
import io.github.pqlconnector.core.sync.RunReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pql history}: recent runs, or one run with its counts, report and per-record errors. */
@Command(name = "history", description = "List recent runs, or show one run (counts, report, per-record errors).")
final class HistoryCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Parameters(arity = "0..1", paramLabel = "RUN_ID", description = "Show this run in full.") Long runId;
  @Option(names = "--sync", paramLabel = "NAME", description = "Only runs of this sync.") String sync;
  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Runs to list (default: ${DEFAULT-VALUE}).")
  int limit;
  @Mixin OutputFormat output;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (AppContext app = AppContext.load(config.file)) {
      RunDao runs = new RunDao();
      if (runId != null) {
        RunRow run = app.store().read(c -> runs.get(c, runId)).orElse(null);
        if (run == null) {
          spec.commandLine().getErr().println("no run " + runId);
          return ExitCodes.BAD_CONFIG;
        }
        List<RecordError> errors = app.store().read(c -> runs.errors(c, runId));
        Optional<ReconciliationDao.Row> reconciled = app.store().read(c -> new ReconciliationDao().ofRun(c, runId));
        if (output.json()) {
          out.println(ApiJson.run(new RunDetail(run, errors, reconciled)));
          return ExitCodes.OK;
        }
        printRun(out, run, errors);
        reconciled.ifPresent(r -> out.printf("reconciled first: %d records checked, %d drifted, %d gone%n",
            r.checked(), r.drifted(), r.gone()));
        return ExitCodes.OK;
      }
      List<RunRow> rows = app.store().read(c -> runs.list(c, sync, limit));
      if (output.json()) {
        out.println(ApiJson.runs(rows));
        return ExitCodes.OK;
      }
      out.printf("%6s  %-24s %-9s %-24s %9s  %-8s%n", "run", "sync", "trigger", "started", "seconds", "status");
      rows.forEach(r -> out.printf("%6d  %-24s %-9s %-24s %9s  %-8s%n", r.id(), r.sync(), r.trigger(), r.startedAt(),
          seconds(r), r.status()));
      if (rows.isEmpty()) {
        out.println("no runs yet");
      }
      return ExitCodes.OK;
    }
  }

  private static String seconds(RunRow r) {
    return r.finishedAt() == null ? "-" : String.format("%.1f", Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0);
  }

  /** The report's still-refused records and tasks, one line each; none for runs recorded before they were kept. */
  static List<String> stillFailing(String report) {
    if (report == null || report.isBlank()) {
      return List.of();
    }
    try {
      JsonNode node = new Payloads().mapper().readTree(report).path("stillFailing");
      List<String> lines = new ArrayList<>();
      for (JsonNode f : node) {
        lines.add(Printer.stillFailing(new Payloads().mapper().treeToValue(f, RunReport.StillFailing.class)));
      }
      return lines;
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  private static void printRun(PrintWriter out, RunRow run, List<RecordError> errors) {
    out.printf("run %d of %s (%s), %s%nstarted %s, finished %s%n", run.id(), run.sync(), run.trigger(), run.status(),
        run.startedAt(), run.finishedAt() == null ? "-" : run.finishedAt());
    if (run.message() != null) {
      out.println("message: " + run.message());
    }
    out.println("counts: " + run.counts());
    out.println("report: " + run.report());
    List<String> stillFailing = stillFailing(run.report());
    if (!stillFailing.isEmpty()) {
      out.println("still refused after the run (first refusal, attempts, next attempt):");
      stillFailing.forEach(line -> out.println("  " + line));
    }
    out.println(errors.isEmpty() ? "no record errors" : errors.size() + " record errors:");
    errors.forEach(e -> out.printf("  %s: %s %s %s%n", e.entity(), e.category(), e.vendorCode(), e.message()));
  }
}
