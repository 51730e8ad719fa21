package io.github.pqlconnector.core.alert;

import io.github.pqlconnector.core.config.AlertsConfig.Kind;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.sync.NewPqls;
import io.github.pqlconnector.core.sync.RunCounts;
import io.github.pqlconnector.core.sync.RunSummary;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which alerts a run's end raises: a digest of its new PQLs, {@code partial_failure} when more than
 * {@value #PARTIAL_SHARE_PCT} % of the records or of the tasks it wrote failed, and for a failed run either
 * {@code quota} (a CRM's daily limit, reserve or budget stopped it: a QUOTA_EXHAUSTED failure) or {@code run_failed};
 * a limit that only held a run back ({@code CrmDestination.limitsHit}, a time budget waited out) is {@code quota} too.
 */
final class RunAlerts {
  static final int PARTIAL_SHARE_PCT = 5;
  private static final int DETAIL_SAMPLES = 5;

  private RunAlerts() {}

  static Optional<Alert> newPqls(RunSummary run, NewPqls found, Instant at) {
    if (found.total() == 0) {
      return Optional.empty();
    }
    List<Alert.Pql> top = found.top().stream().map(q -> new Alert.Pql(q.entity().toString(), q.score(), q.owner(),
        q.topReason(), q.url())).toList();
    String title = found.total() == 1 ? "1 new PQL in " + run.sync() : found.total() + " new PQLs in " + run.sync();
    return Optional.of(new Alert(Kind.NEW_PQLS.id(), run.sync(), run.runId(), at, title, List.of(),
        new Alert.Digest(found.total(), top, found.total() - top.size())));
  }

  static Optional<Alert> partialFailure(RunSummary run, Instant at) {
    RunCounts c = run.counts();
    boolean records = overShare(c.failed(), c.pushed() + c.failed());
    boolean tasks = overShare(c.tasksFailed(), c.tasksCreated() + c.tasksFailed());
    if (!records && !tasks) {
      return Optional.empty();
    }
    String what = records ? share(c.failed(), c.pushed() + c.failed(), "records")
        : share(c.tasksFailed(), c.tasksCreated() + c.tasksFailed(), "tasks");
    String title = "Run " + run.runId() + " of " + run.sync() + ": " + what + " failed";
    List<String> details = run.report().failureSamples().stream().limit(DETAIL_SAMPLES).toList();
    return Optional.of(new Alert(Kind.PARTIAL_FAILURE.id(), run.sync(), run.runId(), at, title, details, null));
  }

  /** A CRM limit that held the run back without stopping it (a time budget waited out) is a quota alert too. */
  static Optional<Alert> limitsHit(RunSummary run, List<String> limits, Instant at) {
    if (limits.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Alert(Kind.QUOTA.id(), run.sync(), run.runId(), at, "Run " + run.runId() + " of "
        + run.sync() + " was held back by the CRM's limits", limits.stream().limit(DETAIL_SAMPLES).toList(), null));
  }

  static Alert failed(String sync, long runId, Throwable failure, Instant at) {
    String message = firstLine(failure.getMessage() == null ? failure.getClass().getSimpleName()
        : failure.getMessage());
    if (quota(failure)) {
      return new Alert(Kind.QUOTA.id(), sync, runId, at, "Run " + runId + " of " + sync
          + " stopped: the CRM's quota is spent; the rest waits in the outbox", List.of(message), null);
    }
    return new Alert(Kind.RUN_FAILED.id(), sync, runId, at, "Run " + runId + " of " + sync + " failed",
        List.of(message), null);
  }

  /** A QUOTA_EXHAUSTED failure anywhere in the cause chain. */
  static boolean quota(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof VendorException v && v.category() == ErrorCategory.QUOTA_EXHAUSTED) {
        return true;
      }
    }
    return false;
  }

  private static boolean overShare(int failed, int total) {
    return total > 0 && failed * 100L > PARTIAL_SHARE_PCT * (long) total;
  }

  private static String share(int failed, int total, String what) {
    return String.format(Locale.ROOT, "%d of %d %s (%.1f %%)", failed, total, what, failed * 100.0 / total);
  }

  private static String firstLine(String text) {
    String line = text.lines().findFirst().orElse(text);
    return line.length() <= 500 ? line : line.substring(0, 497) + "...";
  }
}
