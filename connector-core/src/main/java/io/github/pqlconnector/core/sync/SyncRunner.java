package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.config.SyncConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.OutcomeReader;
import io.github.pqlconnector.core.state.BucketDao;
import io.github.pqlconnector.core.state.CursorDao;
import io.github.pqlconnector.core.state.EntityDirectoryDao;
import io.github.pqlconnector.core.state.EntityStateDao;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.state.TaskDao;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One run of one sync, the single path for {@code pql run}, {@code pql retry} and scheduled fires: make
 * refused rows due when the destination's config or setup changed ({@link Retries}), evaluate, diff, write the
 * outbox, states and task intents in one transaction, then drain the outbox (earlier leftovers first in
 * line with the new, refused and unmatched rows once their time has come) and record the run. A crash
 * anywhere loses nothing: the next run drains what is left.
 */
public final class SyncRunner {
  private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

  private final PqlConfig config;
  private final StateStore store;
  private final Connectors connectors;
  private final CompiledModel model;
  private final Payloads payloads = new Payloads();
  private volatile boolean stopping;

  public SyncRunner(PqlConfig config, StateStore store, Connectors connectors) {
    this.config = config;
    this.store = store;
    this.connectors = connectors.withState(store);
    this.model = new CompiledModel(config.model());
  }

  /**
   * Runs the named sync (or the only one); {@code full} re-reads the source from the start, and for an
   * incremental source rebuilds its day buckets from every day the windows cover.
   */
  public RunSummary run(String syncName, RunTrigger trigger, boolean full, Progress progress) {
    return run(syncName, trigger, full, progress, false);
  }

  /**
   * {@code pql reconcile}: a manual run that first reads the PQL fields back from the CRM, whatever the sync's
   * {@code reconcile} period, so what someone overwrote is written back in the same run.
   */
  public RunSummary reconcileAndRun(String syncName, Progress progress) {
    return run(syncName, RunTrigger.MANUAL, false, progress, true);
  }

  private RunSummary run(String syncName, RunTrigger trigger, boolean full, Progress progress, boolean reconcile) {
    SyncConfig sync = config.pickSync(syncName);
    Instant now = now();
    PqlConfig.Named<DestinationConfig> target = config.destinations().get(sync.destination());
    long runId = store.write(c -> {
      RunDao runs = new RunDao();
      runs.abandonRunning(c, sync.name(), now);
      Retries.beforeRun(c, sync.name(), target, now);
      return runs.start(c, sync.name(), trigger.name(), now);
    });
    RunRecorder recorder = new RunRecorder(store, payloads, connectors.clock(), runId, sync.name());
    try (MDC.MDCCloseable ignored = MDC.putCloseable("run", Long.toString(runId));
        MDC.MDCCloseable alsoIgnored = MDC.putCloseable("sync", sync.name());
        CrmDestination destination = connectors.destination(config.destinations().get(sync.destination()));
        AnalyticsSource source = connectors.syncSource(config, sync, destination)) {
      Snapshot snapshot = Snapshot.load(store, sync.name(), full);
      Directory directory = Directory.load(store, sync.name());
      EvaluationStep.Evaluated evaluated = evaluate(sync.name(), source, snapshot, now, full, progress);
      ReconcileStep reconciling = new ReconcileStep(store, payloads, runId, now, progress);
      Optional<Reconciler.Result> reconciled = reconcile || reconciling.due(sync)
          ? reconciling.run(sync.name(), destination, evaluated, snapshot) : Optional.empty();
      ChangeDetector.Changes changes = detector(sync, destination, now).detect(evaluated.evaluations(),
          ReconcileStep.pushedAfter(snapshot, reconciled), snapshot.queued(), snapshot.states());
      int tasksQueued = persist(sync.name(), runId, changes, evaluated, directory, now);
      log.info("evaluated {} entities from {} events: {} changed, {} unchanged", evaluated.evaluations().size(),
          evaluated.eventsRead(), changes.updates().size(), changes.unchanged());
      DrainTally tally = drain(sync, destination, runId, directory, progress);
      tally.notes.addAll(destination.notes());
      if (!tally.stopped) {
        destination.outcomes().ifPresent(reader -> tally.notes.addAll(
            OutcomeStep.notes(store, sync.name(), reader, now, config.state().historyRetention())));
      }
      RunSummary summary = recorder.finish(evaluated, changes, tasksQueued, tally);
      return reconciled.map(r -> summary.withReconciliation(r.counts())).orElse(summary);
    } catch (StopRequested stopped) {          // during the read: nothing was queued or written yet
      return recorder.stoppedBeforeWriting(stopped.getMessage());
    } catch (RuntimeException | Error e) {     // out of memory too: the run must not stay RUNNING
      recorder.fail(e);
      throw e;
    }
  }

  /**
   * {@code pql retry}: makes the sync's refused and unmatched records and refused tasks due now (only those of
   * {@code entities} when given), then runs the sync as {@link #run} does, recorded with trigger RETRY. Naming
   * entities none of which is refused or unmatched is a usage error.
   */
  public RunSummary retry(String syncName, List<EntityRef> entities, Progress progress) {
    SyncConfig sync = config.pickSync(syncName);
    int due = Retries.makeDue(store, sync.name(), entities);
    if (!entities.isEmpty() && due == 0) {
      throw ConfigException.of("--record", "no refused or unmatched record "
          + String.join(" or ", entities.stream().map(EntityRef::toString).toList()) + " in sync " + sync.name());
    }
    log.info("retry of {}: {} refused or unmatched rows made due", sync.name(), due);
    return run(sync.name(), RunTrigger.RETRY, false, progress);
  }

  /**
   * {@code pql outcomes}: reads who converted from the sync's destination now. A destination without outcomes
   * configured is a usage error.
   */
  public OutcomeRead readOutcomes(String syncName) {
    SyncConfig sync = config.pickSync(syncName);
    try (CrmDestination destination = connectors.destination(config.destinations().get(sync.destination()))) {
      OutcomeReader reader = destination.outcomes().orElseThrow(() -> ConfigException.of("destinations."
          + sync.destination() + ".outcomes", "is not configured, so there is nothing to read outcomes from"));
      return OutcomeStep.run(store, sync.name(), reader, now(), config.state().historyRetention());
    }
  }

  /** A dry run: what {@link #run} would write and which tasks it would open. Writes nothing anywhere. */
  public PlanResult plan(String syncName, Progress progress) {
    SyncConfig sync = config.pickSync(syncName);
    Instant now = now();
    try (CrmDestination destination = connectors.destination(config.destinations().get(sync.destination()));
        AnalyticsSource source = connectors.syncSource(config, sync, destination)) {
      Snapshot snapshot = Snapshot.load(store, sync.name(), false);
      EvaluationStep.Evaluated evaluated = evaluate(sync.name(), source, snapshot, now, false, progress);
      ChangeDetector.Changes changes = detector(sync, destination, now).detect(evaluated.evaluations(),
          snapshot.pushed(), snapshot.queued(), snapshot.states());
      return PlanView.of(evaluated, changes, payloads, snapshot.states(),
          config.destinations().get(sync.destination()).config().tasks());
    }
  }

  /**
   * Asks running and future runs to stop: a read of the source ends at once (nothing of it was written yet), a drain
   * after the batch in flight; what is left stays in the outbox.
   */
  public void requestStop() {
    stopping = true;
  }

  public CompiledModel model() {
    return model;
  }

  private ChangeDetector detector(SyncConfig sync, CrmDestination destination, Instant now) {
    DestinationConfig destinationConfig = config.destinations().get(sync.destination()).config();
    TaskPlanner tasks = new TaskPlanner(sync.name(), destinationConfig.tasks(), payloads, now);
    return new ChangeDetector(payloads, destination.capabilities(), tasks);
  }

  /**
   * An incremental source goes through its day buckets; a source read whole each run, or one that aggregates in
   * its own engine, straight into the engine.
   */
  private EvaluationStep.Evaluated evaluate(String sync, AnalyticsSource source, Snapshot snapshot, Instant now,
      boolean full, Progress progress) {
    EvaluationStep step = new EvaluationStep(model).stoppable(() -> stopping);
    if (source.incremental() && !EvaluationStep.pushesDown(source)) {
      return new IncrementalStep(model, step, store, sync).run(source, snapshot, now, full, progress);
    }
    return step.run(source, snapshot.states(), snapshot.known(), now, snapshot.cursor(), progress);
  }

  private int persist(String sync, long runId, ChangeDetector.Changes changes, EvaluationStep.Evaluated evaluated,
      Directory directory, Instant now) {
    Map<EntityRef, EntityDirectoryDao.Entry> entries = directory.changed(evaluated.evaluations());
    int queued = store.write(c -> {
      new EntityStateDao().save(c, sync, changes.states());
      VerdictHistoryDao history = new VerdictHistoryDao();
      history.record(c, sync, runId, now, changes.verdicts());
      history.prune(c, sync, now.minus(config.state().historyRetention()));
      new OutboxDao().enqueue(c, sync, changes.updates(), now);
      int tasks = new TaskDao().enqueue(c, sync, changes.tasks(), now);
      if (evaluated.cursor() != null) {
        new CursorDao().put(c, sync, evaluated.cursor(), now);
      }
      if (evaluated.buckets() != null) {
        new BucketDao().apply(c, sync, evaluated.buckets(), now);
      }
      new EntityDirectoryDao().save(c, sync, entries);
      return tasks;
    });
    directory.saved(entries);
    return queued;
  }

  private DrainTally drain(SyncConfig sync, CrmDestination destination, long runId, Directory directory,
      Progress progress) {
    DrainTally tally = new DrainTally();
    var target = config.destinations().get(sync.destination());
    long total = store.read(c -> new OutboxDao().dueCount(c, sync.name(), connectors.clock().instant()));
    progress.phase("pushing");
    OutboxDrainer records = new OutboxDrainer(store, destination, payloads, connectors.clock(), sync.name(), runId,
        target.recheckUnmatched());
    records.drain(List.of(EntityLevel.ACCOUNT, EntityLevel.USER), tally, progress, total, () -> stopping);
    directory.recordOwners(store, sync.name(), records.records());
    if (tally.stopped) {
      return tally;
    }
    new TaskDrainer(store, destination, payloads, target.config().tasks(), connectors.clock(), sync.name())
        .drain(records.records(), tally);
    return tally;
  }

  private Instant now() {
    return connectors.clock().instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
