package io.github.pqlconnector.core.sync;

import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells a {@link RunObserver} how runs ended, catching whatever it throws: alerts never fail a sync. */
final class ObservedRuns {
  private static final Logger log = LoggerFactory.getLogger(ObservedRuns.class);

  private final RunObserver observer;

  ObservedRuns(RunObserver observer) {
    this.observer = observer;
  }

  List<String> notes(String sync) {
    try {
      return observer.notes(sync);
    } catch (RuntimeException e) {
      warn(e);
      return List.of();
    }
  }

  /** {@code newPqls} is worked out only here, so that a failure to read them is caught too. */
  void finished(RunSummary summary, Supplier<NewPqls> newPqls, Supplier<List<String>> limitsHit) {
    try {
      if (observer != RunObserver.NONE) {
        observer.finished(summary, newPqls.get(), limitsHit.get());
      }
    } catch (RuntimeException e) {
      warn(e);
    }
  }

  void failed(String sync, long runId, Throwable failure) {
    try {
      observer.failed(sync, runId, failure);
    } catch (RuntimeException e) {
      warn(e);
    }
  }

  private static void warn(RuntimeException e) {
    log.warn("alerts: {} ({})", e.getMessage(), e.getClass().getSimpleName());
  }
}
