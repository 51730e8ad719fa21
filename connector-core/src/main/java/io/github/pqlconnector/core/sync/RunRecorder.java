package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the end of a run into history: status, counts and report as JSON, one INFO line with the counts. */
final class RunRecorder {
  private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);

  private final StateStore store;
  private final Payloads payloads;
  private final Clock clock;
  private final long runId;
  private final String sync;
  private final Instant started;

  RunRecorder(StateStore store, Payloads payloads, Clock clock, long runId, String sync) {
    this.store = store;
    this.payloads = payloads;
    this.clock = clock;
    this.runId = runId;
    this.sync = sync;
    this.started = clock.instant();
  }

  RunSummary finish(EvaluationStep.Evaluated evaluated, ChangeDetector.Changes changes, int tasksQueued,
      DrainTally tally) {
    long left = store.read(c -> new OutboxDao().depth(c, sync));
    RunCounts counts = new RunCounts(evaluated.eventsRead(), evaluated.rejections().count(),
        evaluated.evaluations().size(), changes.byStatus(), changes.updates().size(), changes.unchanged(),
        changes.noMatchKey(), tally.pushed, tally.failed, tally.unmatched, tasksQueued, tally.tasksCreated,
        tally.tasksFailed, left);
    List<String> failures = tally.errors.stream().limit(RunReport.SAMPLES)
        .map(e -> e.entity() + ": " + e.category() + " " + e.vendorCode() + " " + e.message()).toList();
    RunReport report = new RunReport(evaluated.rejections().samples(), tally.unmatchedSamples,
        changes.noMatchKeySamples(), failures, tally.notes);
    RunSummary.RunStatus status = tally.stopped ? RunSummary.RunStatus.STOPPED
        : counts.hasFailures() ? RunSummary.RunStatus.PARTIAL : RunSummary.RunStatus.SUCCESS;
    store.write(c -> {
      new RunDao().finish(c, runId, status.name(), payloads.write(counts), payloads.write(report), null, clock.instant());
      return null;
    });
    log.info("pushed {} updates ({} failed, {} unmatched, {} unchanged), {} tasks created, {} left in outbox in {} ms",
        counts.pushed(), counts.failed(), counts.unmatched(), counts.unchanged(), counts.tasksCreated(), left,
        Duration.between(started, clock.instant()).toMillis());
    return new RunSummary(runId, sync, status, counts, report);
  }

  void fail(RuntimeException e) {
    try {
      store.write(c -> {
        new RunDao().finish(c, runId, RunSummary.RunStatus.FAILED.name(), "{}", "{}", e.getMessage(), clock.instant());
        return null;
      });
    } catch (RuntimeException recordingFailed) {
      e.addSuppressed(recordingFailed);
    }
    log.error("run {} of {} failed: {}", runId, sync, e.getMessage());
  }
}
