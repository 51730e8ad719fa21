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
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads traits then events from a source into the engine and returns every verdict. Shared by run, plan, explain. */
public final class EvaluationStep {
  private static final long PROGRESS_EVERY = 250_000;

  private final CompiledModel model;
  private final PqlEngine engine;

  /** For runs and plans: verdicts and the signals that fired. */
  public EvaluationStep(CompiledModel model) {
    this(model, false);
  }

  private EvaluationStep(CompiledModel model, boolean fullWorking) {
    this.model = model;
    this.engine = new PqlEngine(model, fullWorking);
  }

  /** For {@code explain}: every evaluation also keeps the signals that did not fire, with what they needed. */
  public static EvaluationStep withFullWorking(CompiledModel model) {
    return new EvaluationStep(model, true);
  }

  /** The verdicts, how much was read, what was rejected, and the source's new cursor. */
  public record Evaluated(List<Evaluation> evaluations, Aggregates aggregates, long eventsRead,
      Rejections rejections, @Nullable String cursor) {}

  public Evaluated run(AnalyticsSource source, Map<EntityRef, EntityState> prior, Collection<EntityRef> alsoKnown,
      Instant now, @Nullable String cursor, Progress progress) {
    Rejections rejections = new Rejections();
    TraitsIndex traits = new TraitsIndex(rejections);
    source.readTraits(EntityLevel.ACCOUNT, traits);
    source.readTraits(EntityLevel.USER, traits);
    if (source instanceof MetricPushdown pushdown && pushdown.pushdownEnabled()) {
      Aggregates aggregates = pushedDown(pushdown, traits, now, progress);
      return new Evaluated(evaluateAll(aggregates, prior, alsoKnown, now), aggregates, 0, rejections, cursor);
    }
    Aggregator aggregator = new Aggregator(model, traits, rejections, now.toEpochMilli());
    ReadRequest request = new ReadRequest(cursor, now.minusMillis(model.maxWindowMillis()), now, model.properties());
    ReadResult read = source.readEvents(request, withProgress(aggregator, progress));
    progress.eventsRead(aggregator.accepted());
    Aggregates aggregates = aggregator.finish();
    progress.phase("evaluating");
    List<Evaluation> evaluations = evaluateAll(aggregates, prior, alsoKnown, now);
    return new Evaluated(evaluations, aggregates, aggregator.accepted(), rejections, read.cursor());
  }

  /** The source aggregated in its own engine: one row per entity instead of every event; the cursor is kept. */
  private Aggregates pushedDown(MetricPushdown pushdown, TraitsIndex traits, Instant now, Progress progress) {
    PushedAggregates pushed = new PushedAggregates(model, traits, now);
    progress.phase("aggregating in the source");
    pushdown.aggregate(pushed.request(), pushed);
    progress.phase("evaluating");
    return pushed.finish();
  }

  private List<Evaluation> evaluateAll(Aggregates aggregates, Map<EntityRef, EntityState> prior,
      Collection<EntityRef> alsoKnown, Instant now) {
    return engine.evaluateAll(aggregates, alsoKnown, e -> prior.getOrDefault(e, EntityState.NEW), now);
  }

  /** One entity's verdict with the full working, for {@code explain}. */
  public Evaluation explain(EntityRef entity, Aggregates aggregates, EntityState prior, Instant now) {
    return engine.evaluate(entity, aggregates, prior, now);
  }

  private static EventSink withProgress(Aggregator aggregator, Progress progress) {
    if (progress == Progress.NONE) {
      return aggregator;
    }
    return new EventSink() {
      private long seen;

      @Override
      public void accept(Event event) {
        aggregator.accept(event);
        if (++seen % PROGRESS_EVERY == 0) {
          progress.eventsRead(seen);
        }
      }

      @Override
      public void reject(String location, String problem) {
        aggregator.reject(location, problem);
      }
    };
  }
}
