package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.config.SyncConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.engine.TraitsIndex;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.OutcomeReader;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.StateStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One run of one sync, the single path for {@code pql run}, {@code pql retry} and scheduled fires: make
 * refused rows due when the destination's config or setup changed ({@link Retries}), evaluate, diff, store the
 * outbox, states and task intents a chunk of entities per transaction while the drain pushes each stored chunk
 * ({@link StoreAndPush}: earlier leftovers first, refused and unmatched rows once their time has come) and record
 * the run. A crash anywhere loses nothing: the next run stores and drains what is left.
 */
public final class SyncRunner {
  private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

  private final PqlConfig config;
  private final StateStore store;
  private final Connectors connectors;
  private final CompiledModel model;
  private final Payloads payloads = new Payloads();
  private final ObservedRuns observer;
  private volatile boolean stopping;
  private ChangeWriter.Chunking chunking = ChangeWriter.Chunking.DEFAULT;

  public SyncRunner(PqlConfig config, StateStore store, Connectors connectors) {
    this(config, store, connectors, RunObserver.NONE);
  }

  /** As above, with {@code observer} told how each run ended (alerts); it can neither block nor fail a run. */
  public SyncRunner(PqlConfig config, StateStore store, Connectors connectors, RunObserver observer) {
    this.observer = new ObservedRuns(observer);
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
        AnalyticsSource source = connectors.syncSource(config, sync, destination);
        EarlyMatch early = new EarlyMatch(destination)) {
      Snapshot snapshot = Snapshot.load(store, sync.name(), full);
      Directory directory = Directory.load(store, sync.name());
      Set<EntityRef> known = snapshot.known();
      EvaluationStep.Evaluated evaluated = evaluate(sync.name(), source, snapshot, now, full, progress,
          traits -> early.start(traits, model.config().levels(),
              entity -> known.contains(entity) || snapshot.queued().containsKey(entity)));
      ReconcileStep reconciling = new ReconcileStep(store, payloads, runId, now, progress);
      Optional<Reconciler.Result> reconciled = reconcile || reconciling.due(sync)
          ? reconciling.run(sync.name(), destination, evaluated, snapshot) : Optional.empty();
      ChangeDetector.Changes changes = detector(sync, destination, now).detect(evaluated.evaluations(),
          ReconcileStep.pushedAfter(snapshot, reconciled), snapshot.queued(), snapshot.states());
      log.info("evaluated {} entities from {} events: {} changed, {} unchanged", evaluated.evaluations().size(),
          evaluated.eventsRead(), changes.updates().size(), changes.unchanged());
      StoreAndPush.Pushed pushed = storeAndPush(sync, runId, new RunChanges(changes, evaluated,
          directory.changed(evaluated.evaluations())), destination, directory, now, progress, early);
      DrainTally tally = pushed.tally();
      int tasksQueued = pushed.tasksQueued();
      tally.notes.addAll(destination.notes());
      tally.notes.addAll(observer.notes(sync.name()));
      if (!tally.stopped) {
        destination.outcomes().ifPresent(reader -> tally.notes.addAll(
            OutcomeStep.notes(store, sync.name(), reader, now, config.state().historyRetention())));
      }
      RunSummary summary = recorder.finish(evaluated, changes, tasksQueued, tally);
      observer.finished(summary, () -> NewPqls.of(evaluated.evaluations(), snapshot.states(), store, sync.name(),
          destination), destination::limitsHit);
      return reconciled.map(r -> summary.withReconciliation(r.counts())).orElse(summary);
    } catch (StopRequested stopped) {          // during the read: nothing was queued or written yet
      return recorder.stoppedBeforeWriting(stopped.getMessage());
    } catch (RuntimeException | Error e) {     // out of memory too: the run must not stay RUNNING
      recorder.fail(e);
      observer.failed(sync.name(), runId, e);
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
      EvaluationStep.Evaluated evaluated = evaluate(sync.name(), source, snapshot, now, false, progress,
          traits -> {});
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

  /** Entities stored per transaction, and a pause or crash after each commit: tests watch the drain overlap. */
  SyncRunner chunking(int entities, Runnable afterCommit) {
    this.chunking = new ChangeWriter.Chunking(entities, afterCommit);
    return this;
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
      boolean full, Progress progress, Consumer<TraitsIndex> traitsRead) {
    EvaluationStep step = new EvaluationStep(model).stoppable(() -> stopping).onTraits(traitsRead);
    if (source.incremental() && !EvaluationStep.pushesDown(source)) {
      return new IncrementalStep(model, step, store, sync).run(source, snapshot, now, full, progress);
    }
    return step.run(source, snapshot.states(), snapshot.known(), now, snapshot.cursor(), progress);
  }

  private StoreAndPush.Pushed storeAndPush(SyncConfig sync, long runId, RunChanges changes,
      CrmDestination destination, Directory directory, Instant now, Progress progress, EarlyMatch early) {
    StoreAndPush step = new StoreAndPush(store, payloads, connectors.clock(), sync.name(), runId,
        config.destinations().get(sync.destination()), chunking, early);
    return step.run(changes, now, config.state().historyRetention(), destination, directory, progress,
        () -> stopping);
  }

  private Instant now() {
    return connectors.clock().instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
