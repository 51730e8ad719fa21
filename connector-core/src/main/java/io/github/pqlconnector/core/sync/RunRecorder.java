package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.RetryDao;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.state.TaskDao;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    Left left = store.read(c -> Left.of(c, sync));
    RunCounts counts = new RunCounts(evaluated.eventsRead(), evaluated.rejections().count(),
        evaluated.evaluations().size(), changes.byStatus(), changes.updates().size(), changes.unchanged(),
        changes.noMatchKey(), tally.pushed, tally.failed, tally.unmatched, tasksQueued, tally.tasksCreated,
        tally.tasksFailed, left.backlog, left.failing, left.tasksFailing, left.unmatched);
    List<String> failures = tally.errors.stream().limit(RunReport.SAMPLES)
        .map(e -> e.entity() + ": " + e.category() + " " + e.vendorCode() + " " + e.message()).toList();
    RunReport report = new RunReport(evaluated.rejections().samples(), tally.unmatchedSamples,
        changes.noMatchKeySamples(), failures, left.samples, tally.notes);
    RunSummary.RunStatus status = tally.stopped ? RunSummary.RunStatus.STOPPED
        : counts.hasFailures() ? RunSummary.RunStatus.PARTIAL : RunSummary.RunStatus.SUCCESS;
    store.write(c -> {
      new RunDao().finish(c, runId, status.name(), payloads.write(counts), payloads.write(report), null, clock.instant());
      return null;
    });
    log.info("pushed {} updates ({} failed, {} unmatched, {} unchanged), {} tasks created, {} left in outbox,"
        + " {} records and {} tasks still refused, {} records not found, in {} ms", counts.pushed(), counts.failed(),
        counts.unmatched(), counts.unchanged(), counts.tasksCreated(), left.backlog, left.failing, left.tasksFailing,
        left.unmatched, Duration.between(started, clock.instant()).toMillis());
    return new RunSummary(runId, sync, status, counts, report);
  }

  /** What the outbox holds after the drain: the backlog, what is refused or unmatched, and refused samples. */
  private record Left(long backlog, long failing, long tasksFailing, long unmatched,
      List<RunReport.StillFailing> samples) {
    static Left of(Connection c, String sync) throws SQLException {
      OutboxDao outbox = new OutboxDao();
      List<RunReport.StillFailing> samples = new RetryDao().failing(c, sync, RunReport.SAMPLES).stream()
          .map(f -> new RunReport.StillFailing(f.entity().toString(), f.what(), f.firstFailedAt(), f.attempts(),
              f.nextAttemptAt(), f.lastError()))
          .toList();
      return new Left(outbox.depth(c, sync), outbox.count(c, sync, OutboxDao.State.FAILED),
          new TaskDao().count(c, sync, TaskDao.State.FAILED), outbox.count(c, sync, OutboxDao.State.UNMATCHED),
          samples);
    }
  }

  /** Records a run stopped before it queued anything as STOPPED, with zero counts and {@code why}. */
  RunSummary stoppedBeforeWriting(String why) {
    RunCounts none = new RunCounts(0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    RunReport empty = new RunReport(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    store.write(c -> {
      new RunDao().finish(c, runId, RunSummary.RunStatus.STOPPED.name(), payloads.write(none), payloads.write(empty),
          why, clock.instant());
      return null;
    });
    log.info("run {} of {} {}", runId, sync, why);
    return new RunSummary(runId, sync, RunSummary.RunStatus.STOPPED, none, empty);
  }

  /** Records the run as FAILED with what went wrong: the message, or for a JVM error (out of memory) its name too. */
  void fail(Throwable e) {
    String cause = e instanceof Error ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getMessage();
    try {
      store.write(c -> {
        new RunDao().finish(c, runId, RunSummary.RunStatus.FAILED.name(), "{}", "{}", cause, clock.instant());
        return null;
      });
    } catch (RuntimeException recordingFailed) {
      e.addSuppressed(recordingFailed);
    }
    log.error("run {} of {} failed: {}", runId, sync, cause);
  }
}
