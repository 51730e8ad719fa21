package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.engine.Aggregates;
import io.github.pqlconnector.core.engine.Aggregator;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.engine.PqlEngine;
import io.github.pqlconnector.core.engine.PushedAggregates;
import io.github.pqlconnector.core.engine.Rejections;
import io.github.pqlconnector.core.engine.TraitsIndex;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.EntityState;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.MetricPushdown;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.ReadResult;
import io.github.pqlconnector.core.state.BucketWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Reads traits then events from a source into the engine and returns every verdict. Shared by run, plan, explain. */
public final class EvaluationStep {
  private static final long PROGRESS_EVERY = 250_000;
  private static final long STOP_CHECK_EVERY = 1_000;   // divides PROGRESS_EVERY, so progress is checked within it

  private final CompiledModel model;
  private final PqlEngine engine;
  private BooleanSupplier stop = () -> false;
  private Consumer<TraitsIndex> traitsRead = traits -> {};

  /** For runs and plans: verdicts and the signals that fired. */
  public EvaluationStep(CompiledModel model) {
    this(model, false);
  }

  private EvaluationStep(CompiledModel model, boolean fullWorking) {
    this.model = model;
    this.engine = new PqlEngine(model, fullWorking);
  }

  /** This step ending a read with {@link StopRequested} once {@code stopRequested} says so (checked per 1,000 events). */
  EvaluationStep stoppable(BooleanSupplier stopRequested) {
    this.stop = stopRequested;
    return this;
  }

  BooleanSupplier stop() {
    return stop;
  }

  /** This step handing the traits to {@code read} as soon as they are read, before any event. */
  EvaluationStep onTraits(Consumer<TraitsIndex> read) {
    this.traitsRead = read;
    return this;
  }

  /** For {@code explain}: every evaluation also keeps the signals that did not fire, with what they needed. */
  public static EvaluationStep withFullWorking(CompiledModel model) {
    return new EvaluationStep(model, true);
  }

  /**
   * The verdicts, how much was read, what was rejected, the source's new cursor, and for an incremental
   * source the day buckets to store with the run's state (null otherwise, and for a plan never stored). The
   * aggregates are not kept: the verdicts carry every metric value the diff and the reports read, and letting the
   * per-entity running sets go once evaluated is what keeps a run's retained memory to the verdicts alone.
   */
  public record Evaluated(List<Evaluation> evaluations, long eventsRead,
      Rejections rejections, @Nullable String cursor, @Nullable BucketWrite buckets) {}

  /** What reading the source gave besides the aggregates. */
  record ReadOutcome(long eventsRead, Rejections rejections, @Nullable String cursor, @Nullable BucketWrite buckets) {}

  /**
   * Reads the whole window from {@code source} into the engine, without day buckets: the path of every run
   * over a source that is read whole (a file), and of {@code explain}. The source is asked for every day the
   * windows cover, [first day 00:00 UTC, now + 1 ms).
   */
  public Evaluated run(AnalyticsSource source, Map<EntityRef, EntityState> prior, Collection<EntityRef> alsoKnown,
      Instant now, @Nullable String cursor, Progress progress) {
    Rejections rejections = new Rejections();
    TraitsIndex traits = readTraits(source, rejections);
    if (pushesDown(source)) {
      Aggregates aggregates = pushedDown((MetricPushdown) source, traits, now, progress);
      return evaluate(aggregates, new ReadOutcome(0, rejections, cursor, null), prior, alsoKnown, now, progress);
    }
    Aggregator aggregator = new Aggregator(model, traits, rejections, now.toEpochMilli());
    DayWindow window = DayWindow.plan(model, now, Optional.empty(), Duration.ZERO);
    ReadRequest request = new ReadRequest(cursor, window.from(), window.to(), model.properties());
    long traitRejects = rejections.count();
    ReadResult read = source.readEvents(request, instrumented(aggregator, progress, stop));
    progress.eventsRead(aggregator.accepted());
    AllEventsRejected.check(rejections, traitRejects, aggregator.accepted());
    ReadOutcome outcome = new ReadOutcome(aggregator.accepted(), rejections, read.cursor(), null);
    return evaluate(aggregator.finish(), outcome, prior, alsoKnown, now, progress);
  }

  Evaluated evaluate(Aggregates aggregates, ReadOutcome read, Map<EntityRef, EntityState> prior,
      Collection<EntityRef> alsoKnown, Instant now, Progress progress) {
    progress.phase("evaluating");
    List<Evaluation> evaluations = engine.evaluateAll(aggregates, alsoKnown,
        e -> prior.getOrDefault(e, EntityState.NEW), now);
    return new Evaluated(evaluations, read.eventsRead(), read.rejections(), read.cursor(), read.buckets());
  }

  /** A source that aggregates in its own engine (a warehouse) holds every event: no day buckets needed. */
  static boolean pushesDown(AnalyticsSource source) {
    return source instanceof MetricPushdown pushdown && pushdown.pushdownEnabled();
  }

  TraitsIndex readTraits(AnalyticsSource source, Rejections rejections) {
    TraitsIndex traits = new TraitsIndex(rejections);
    source.readTraits(EntityLevel.ACCOUNT, traits);
    source.readTraits(EntityLevel.USER, traits);
    traitsRead.accept(traits);
    return traits;
  }

  /** The source aggregated in its own engine: one row per entity instead of every event; the cursor is kept. */
  private Aggregates pushedDown(MetricPushdown pushdown, TraitsIndex traits, Instant now, Progress progress) {
    PushedAggregates pushed = new PushedAggregates(model, traits, now);
    progress.phase("aggregating in the source");
    pushdown.aggregate(pushed.request(), pushed);
    return pushed.finish();
  }


  /** One entity's verdict with the full working, for {@code explain}. */
  public Evaluation explain(EntityRef entity, Aggregates aggregates, EntityState prior, Instant now) {
    return engine.evaluate(entity, aggregates, prior, now);
  }

  /** {@code sink} reporting progress, and ending the read with {@link StopRequested} once {@code stop} says so. */
  static EventSink instrumented(EventSink sink, Progress progress, BooleanSupplier stop) {
    return new EventSink() {
      private long seen;

      @Override
      public void accept(Event event) {
        sink.accept(event);
        if (++seen % STOP_CHECK_EVERY == 0) {
          if (stop.getAsBoolean()) {
            throw new StopRequested();
          }
          if (seen % PROGRESS_EVERY == 0) {
            progress.eventsRead(seen);
          }
        }
      }

      @Override
      public void reject(String location, String problem) {
        sink.reject(location, problem);
      }
    };
  }
}
