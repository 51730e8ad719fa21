package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.config.SyncConfig;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.state.PushedDao;
import io.github.pqlconnector.core.state.ReconciliationDao;
import io.github.pqlconnector.core.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a run reconciles first (asked for, or the sync's {@code reconcile} period has passed since the
 * last reconciliation kept in the state store), runs the {@link Reconciler} and records what it found with the run.
 */
final class ReconcileStep {
  private final StateStore store;
  private final Payloads payloads;
  private final long runId;
  private final Instant now;
  private final Progress progress;

  ReconcileStep(StateStore store, Payloads payloads, long runId, Instant now, Progress progress) {
    this.store = store;
    this.payloads = payloads;
    this.runId = runId;
    this.now = now;
    this.progress = progress;
  }

  /** True when the sync's {@code reconcile} period has passed since its last reconciliation (or it never had one). */
  boolean due(SyncConfig sync) {
    Optional<Duration> period = sync.reconcilePeriod();
    if (period.isEmpty()) {
      return false;
    }
    Optional<ReconciliationDao.Row> last = store.read(c -> new ReconciliationDao().last(c, sync.name()));
    return last.isEmpty() || !last.get().at().plus(period.get()).isAfter(now);
  }

  /** Reconciles and records the counts with the run. */
  Optional<Reconciler.Result> run(String sync, CrmDestination destination, EvaluationStep.Evaluated evaluated,
      Snapshot snapshot) {
    progress.phase("reconciling");
    Reconciler.Result result = new Reconciler(store, destination, payloads, sync)
        .reconcile(evaluated.evaluations(), snapshot.queued());
    Reconciliation n = result.counts();
    store.write(c -> {
      new ReconciliationDao().record(c, new ReconciliationDao.Row(sync, runId, now, n.checked(), n.drifted(),
          n.gone()));
      return null;
    });
    return Optional.of(result);
  }

  /** The confirmed hashes the diff compares with, the re-queued records' invalidated. */
  static Map<EntityRef, String> pushedAfter(Snapshot snapshot, Optional<Reconciler.Result> result) {
    if (result.isEmpty() || result.get().requeued().isEmpty()) {
      return snapshot.pushed();
    }
    Map<EntityRef, String> pushed = new HashMap<>(snapshot.pushed());
    result.get().requeued().forEach(entity -> pushed.put(entity, PushedDao.INVALIDATED));
    return pushed;
  }
}
