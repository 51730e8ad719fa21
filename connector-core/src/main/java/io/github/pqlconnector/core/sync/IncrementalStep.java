package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.engine.Aggregator;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.engine.DayFolder;
import io.github.pqlconnector.core.engine.Rejections;
import io.github.pqlconnector.core.engine.TraitsIndex;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.ReadResult;
import io.github.pqlconnector.core.state.BucketDao;
import io.github.pqlconnector.core.state.BucketWrite;
import io.github.pqlconnector.core.state.StateStore;
import java.time.Instant;
import java.util.Optional;

/**
 * The evaluation for an incremental source: it reads only the days of {@link DayWindow}, folds them into
 * per-day partials, and computes every window from those plus the stored buckets of the earlier kept days.
 * Nothing is written here: the new buckets travel in {@link EvaluationStep.Evaluated#buckets()} and are
 * stored with the rest of the run's state, so a read that throws leaves the buckets and their window as
 * they were and the next run reads the same days again.
 */
final class IncrementalStep {
  private final CompiledModel model;
  private final EvaluationStep step;
  private final StateStore store;
  private final String sync;

  IncrementalStep(CompiledModel model, EvaluationStep step, StateStore store, String sync) {
    this.model = model;
    this.step = step;
    this.store = store;
    this.sync = sync;
  }

  /** {@code full} ignores the stored buckets and rebuilds them from the source. */
  EvaluationStep.Evaluated run(AnalyticsSource source, Snapshot snapshot, Instant now, boolean full,
      Progress progress) {
    Rejections rejections = new Rejections();
    TraitsIndex traits = step.readTraits(source, rejections);
    Optional<BucketDao.Window> previous = full ? Optional.empty() : store.read(c -> new BucketDao().window(c, sync));
    DayWindow window = DayWindow.plan(model, now, previous, source.lateDataWindow());
    DayFolder folder = new DayFolder(model, rejections, window.from().toEpochMilli(), window.to().toEpochMilli());
    ReadRequest request = new ReadRequest(snapshot.cursor(), window.from(), window.to(), model.properties());
    long traitRejects = rejections.count();
    ReadResult read = source.readEvents(request, EvaluationStep.instrumented(folder, progress, step.stop()));
    progress.eventsRead(folder.accepted());
    if (window.rebuild()) {   // an incremental read adds to stored days: a few bad new lines leave those standing
      AllEventsRejected.check(rejections, traitRejects, folder.accepted());
    }
    Aggregator aggregator = new Aggregator(model, traits, rejections, now.toEpochMilli());
    if (!window.rebuild()) {
      store.read(c -> {
        new BucketDao().forEach(c, sync, window.keepFromDay(), window.fromDay(), aggregator::acceptBucket);
        return null;
      });
    }
    folder.replayInto(aggregator);
    BucketWrite write = new BucketWrite(window.rebuild() ? null : window.fromDay(), window.keepFromDay(),
        folder.buckets(), window.to(), DayFolder.fingerprint(model));
    EvaluationStep.ReadOutcome outcome = new EvaluationStep.ReadOutcome(folder.accepted(), rejections,
        read.cursor(), write);
    return step.evaluate(aggregator.finish(), outcome, snapshot.states(), snapshot.known(), now, progress);
  }
}
