package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.TaskBatchResult;
import io.github.pqlconnector.core.spi.TaskRequest;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.state.TaskDao;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of tasks, each created once: find by key → create only the missing → when the create failed in a way
 * that may have been applied (a timeout, a reset after sending, a 5xx: a retryable failure), find the same keys
 * AGAIN and create only what is still missing, at most {@value #MAX_CREATES} create calls. A definite refusal of
 * the whole call (a 4xx) fails every task in it; a refusal per task is recorded for that task only. A task whose
 * fate stays unknown remains pending: the next run starts with a find, so it is never created twice.
 */
final class TaskBatchWriter {
  static final int MAX_CREATES = 3;
  static final String NO_RESULT = "NO_RESULT";
  private static final Logger log = LoggerFactory.getLogger(TaskBatchWriter.class);

  private final StateStore store;
  private final CrmDestination destination;
  private final Clock clock;
  private final Map<String, Integer> refusals;

  /** {@code refusals}: how often each task (by key) was refused for good before, which sets the next attempt. */
  TaskBatchWriter(StateStore store, CrmDestination destination, Clock clock, Map<String, Integer> refusals) {
    this.store = store;
    this.destination = destination;
    this.clock = clock;
    this.refusals = refusals;
  }

  void write(List<TaskRequest> batch, DrainTally tally) {
    Map<String, TaskRequest> pending = new LinkedHashMap<>();
    batch.forEach(request -> pending.put(request.idempotencyKey(), request));
    VendorException lastFailure = null;
    for (int creates = 0; !pending.isEmpty(); creates++) {
      if (!findExisting(pending, tally)) {
        return;
      }
      if (creates == MAX_CREATES) {
        keepPending(pending, lastFailure, tally);
      } else if (!pending.isEmpty()) {
        lastFailure = createMissing(pending, tally);
      }
    }
  }

  /** Marks the pending tasks the CRM has already; false when the find failed (the tasks then stay pending). */
  private boolean findExisting(Map<String, TaskRequest> pending, DrainTally tally) {
    try {
      created(destination.findTasks(List.copyOf(pending.values())), pending, tally);
      return true;
    } catch (VendorException e) {
      keepPending(pending, failIfStopping(e), tally);
      return false;
    }
  }

  /**
   * Creates what is pending and resolves every task it answered for; returns the failure, leaving the tasks pending,
   * when the call may have been applied without an answer (the caller finds them again before creating any).
   */
  private VendorException createMissing(Map<String, TaskRequest> pending, DrainTally tally) {
    try {
      TaskBatchResult result = destination.createTasks(List.copyOf(pending.values()));
      created(result.created(), pending, tally);
      refused(result.failed(), pending, tally);
      unanswered(pending, tally);
      return null;
    } catch (VendorException e) {
      if (!failIfStopping(e).retryable()) {
        refuseAll(pending, e, tally);
        return null;
      }
      log.warn("{} task create(s) failed without a definite answer ({}); looking them up before creating again",
          pending.size(), e.category());
      return e;
    }
  }

  /**
   * A refusal that says nothing about these tasks (the daily limit is spent, the credentials were revoked) would
   * refuse every task after them too: they stay pending and the run ends, as a drained batch would.
   */
  private static VendorException failIfStopping(VendorException e) {
    if (e.category() == ErrorCategory.QUOTA_EXHAUSTED || e.category() == ErrorCategory.AUTH) {
      throw e;
    }
    return e;
  }

  private void created(Map<String, String> ids, Map<String, TaskRequest> pending, DrainTally tally) {
    Map<String, String> done = new LinkedHashMap<>();
    ids.forEach((key, id) -> {
      if (pending.remove(key) != null) {
        done.put(key, id);
      }
    });
    if (done.isEmpty()) {
      return;
    }
    store.write(c -> {
      TaskDao dao = new TaskDao();
      for (Map.Entry<String, String> task : done.entrySet()) {
        dao.markCreated(c, task.getKey(), task.getValue(), clock.instant());
      }
      return null;
    });
    synchronized (tally) {
      tally.tasksCreated += done.size();
    }
  }

  private void refused(Map<String, RecordError> errors, Map<String, TaskRequest> pending, DrainTally tally) {
    errors.forEach((key, error) -> {
      if (pending.remove(key) != null) {
        attempt(key, error.category().retryable() ? TaskDao.State.PENDING : TaskDao.State.FAILED,
            error.vendorCode() + ": " + error.message());
        fail(tally, error);
      }
    });
  }

  private void unanswered(Map<String, TaskRequest> pending, DrainTally tally) {
    pending.values().forEach(request -> {
      attempt(request.idempotencyKey(), TaskDao.State.PENDING, "the CRM returned no result for this task");
      fail(tally, new RecordError(request.entity(), ErrorCategory.TRANSIENT, NO_RESULT,
          "the CRM returned no result for this task"));
    });
    pending.clear();
  }

  private void refuseAll(Map<String, TaskRequest> pending, VendorException e, DrainTally tally) {
    pending.values().forEach(request -> {
      attempt(request.idempotencyKey(), TaskDao.State.FAILED, e.getMessage());
      fail(tally, new RecordError(request.entity(), e.category(), "TASK", e.getMessage()));
    });
    pending.clear();
  }

  /** Fate unknown or not reached: left PENDING for the next run, which finds before it creates. */
  private void keepPending(Map<String, TaskRequest> pending, VendorException e, DrainTally tally) {
    String message = e == null ? "task not created" : e.getMessage();
    ErrorCategory category = e == null ? ErrorCategory.TRANSIENT : e.category();
    pending.values().forEach(request -> {
      attempt(request.idempotencyKey(), TaskDao.State.PENDING, message);
      fail(tally, new RecordError(request.entity(), category, "TASK", message));
    });
    pending.clear();
  }

  /** A refusal for good is tried again on {@link RetrySchedule}'s backoff; a retryable failure on the next run. */
  private void attempt(String key, TaskDao.State state, String message) {
    Instant now = clock.instant();
    Instant next = state == TaskDao.State.FAILED
        ? RetrySchedule.nextAttempt(now, refusals.getOrDefault(key, 0) + 1) : null;
    store.write(c -> {
      new TaskDao().markAttempt(c, key, state, message, now, next);
      return null;
    });
  }

  private static void fail(DrainTally tally, RecordError error) {
    synchronized (tally) {
      tally.tasksFailed++;
      tally.errors.add(error);
    }
  }
}
