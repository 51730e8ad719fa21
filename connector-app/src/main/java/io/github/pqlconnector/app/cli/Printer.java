package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.model.PqlResult;
import io.github.pqlconnector.core.sync.Reconciliation;
import io.github.pqlconnector.core.sync.RunCounts;
import io.github.pqlconnector.core.sync.RunReport;
import io.github.pqlconnector.core.sync.RunSummary;
import java.io.PrintWriter;
import java.util.Locale;

/** Plain-text output shared by the commands: short, aligned, numbers with thousands separators. */
final class Printer {
  private Printer() {}

  static void summary(PrintWriter out, RunSummary summary) {
    out.printf("run %d of %s: %s%n", summary.runId(), summary.sync(), summary.status());
    if (summary.status() == RunSummary.RunStatus.STOPPED && summary.counts().evaluated() == 0) {
      out.println("stopped while reading the source: nothing was written; the next run reads it again");
      return;
    }
    if (summary.reconciliation() != null) {
      reconciliation(out, summary);
    }
    counts(out, summary.counts());
    RunCounts c = summary.counts();
    out.printf(Locale.US, "pushed %,d, failed %,d, unmatched %,d, unchanged %,d; tasks created %,d (failed %,d);"
        + " left in outbox %,d%n", c.pushed(), c.failed(), c.unmatched(), c.unchanged(), c.tasksCreated(),
        c.tasksFailed(), c.outboxLeft());
    if (c.stillFailing() + c.tasksStillFailing() + c.stillUnmatched() > 0) {
      out.printf(Locale.US, "still refused %,d records and %,d tasks (tried again later or on pql retry);"
          + " not found %,d records (looked up again later)%n", c.stillFailing(), c.tasksStillFailing(),
          c.stillUnmatched());
    }
    report(out, summary.report());
  }

  /** What reading the CRM back found, or that the destination cannot be read back. */
  static void reconciliation(PrintWriter out, RunSummary summary) {
    Reconciliation r = summary.reconciliation();
    if (r == null) {
      out.printf("not reconciled: the destination of %s cannot read its records back%n", summary.sync());
      return;
    }
    out.printf(Locale.US, "reconciled %,d records with the CRM: %,d drifted (queued again), %,d gone (matched"
        + " again)%n", r.checked(), r.drifted(), r.gone());
  }

  static void counts(PrintWriter out, RunCounts c) {
    out.printf(Locale.US, "read %,d events (%,d rejected), evaluated %,d entities: %s%n", c.eventsRead(),
        c.rejected(), c.evaluated(), c.byStatus().entrySet().stream()
            .map(e -> String.format(Locale.US, "%s %,d", e.getKey(), e.getValue()))
            .reduce((a, b) -> a + ", " + b).orElse("none"));
    if (c.noMatchKey() > 0) {
      out.printf(Locale.US, "%,d entities have no match key and cannot be synced%n", c.noMatchKey());
    }
  }

  static void report(PrintWriter out, RunReport report) {
    section(out, "rejected input (the first ones)", report.rejectedSamples().stream()
        .map(s -> s.location() + ": " + s.problem()).toList());
    section(out, "not found in the destination", report.unmatchedSamples());
    section(out, "without a match key", report.noMatchKeySamples());
    section(out, "failed records", report.failureSamples());
    section(out, "destination", report.destinationNotes());
    section(out, "still refused (first refusal, attempts, next attempt)", report.stillFailing().stream()
        .map(Printer::stillFailing).toList());
  }

  static String stillFailing(RunReport.StillFailing f) {
    return String.format(Locale.US, "%s%s: first refused %s, %d attempts, next %s: %s", f.entity(),
        "task".equals(f.what()) ? " (task)" : "", f.firstFailedAt() == null ? "-" : f.firstFailedAt(), f.attempts(),
        f.nextAttemptAt() == null ? "next run" : f.nextAttemptAt(), f.lastError() == null ? "-" : f.lastError());
  }

  static String line(PqlResult r) {
    String top = r.reasons().isEmpty() ? "" : " — " + r.reasons().get(0);
    return String.format(Locale.US, "%-8s %-26s score %3d%s", r.status().id(), r.entity(), r.score(), top);
  }

  private static void section(PrintWriter out, String title, java.util.List<String> lines) {
    if (!lines.isEmpty()) {
      out.println();
      out.println(title + ":");
      lines.forEach(l -> out.println("  " + l));
    }
  }
}
