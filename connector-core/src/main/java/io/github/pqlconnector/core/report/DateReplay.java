package io.github.pqlconnector.core.report;

import io.github.pqlconnector.core.engine.Aggregates;
import io.github.pqlconnector.core.engine.Aggregator;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.engine.DayFolder;
import io.github.pqlconnector.core.engine.PqlEngine;
import io.github.pqlconnector.core.engine.Rejections;
import io.github.pqlconnector.core.engine.TraitsIndex;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.EntityState;
import io.github.pqlconnector.core.model.Evaluation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/** One model's replay: the day partials of the group of dates being read, and the states carried between dates. */
final class DateReplay {
  private static final long DAY_MILLIS = 86_400_000L;

  final CompiledModel model;
  final TraitsIndex traits;
  final Rejections rejections;
  final PqlEngine engine;
  final Map<EntityRef, EntityState> states = new HashMap<>();
  DayFolder folder;

  DateReplay(CompiledModel model, TraitsIndex traits, Rejections rejections) {
    this.model = model;
    this.traits = traits;
    this.rejections = rejections;
    this.engine = new PqlEngine(model, false);
  }

  void startGroup(LocalDate first, LocalDate last) {
    folder = new DayFolder(model, rejections, Backtest.start(first).minusMillis(model.maxCalendarDays() * DAY_MILLIS)
        .toEpochMilli(), Backtest.start(last).toEpochMilli());
  }

  /**
   * Each date's verdicts, each carrying the states of the date before (hysteresis, episodes). The dates' aggregates
   * do not depend on each other (the partials are only read), so the next dates are aggregated on other cores
   * while this one is evaluated; the evaluations stay in date order.
   */
  void evaluate(List<LocalDate> dates, Backtest.Verdicts verdicts) {
    int ahead = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(ahead, daemon());
    try {
      List<Future<Aggregates>> pending = new ArrayList<>();
      for (int i = 0; i < dates.size(); i++) {
        while (pending.size() < Math.min(dates.size(), i + ahead)) {
          LocalDate next = dates.get(pending.size());
          pending.add(pool.submit(() -> aggregate(next)));
        }
        Instant at = Backtest.start(dates.get(i));
        Aggregates aggregates = await(pending.get(i));
        pending.set(i, null);
        List<Evaluation> evaluations = engine.evaluateAll(aggregates, states.keySet(),
            entity -> states.getOrDefault(entity, EntityState.NEW), at.minusMillis(1));
        evaluations.forEach(e -> states.put(e.entity(), e.state()));
        verdicts.at(at, evaluations);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Aggregates aggregate(LocalDate date) {
    long at = Backtest.start(date).toEpochMilli();
    Aggregator aggregator = new Aggregator(model, traits, rejections, at - 1);
    long day = Math.floorDiv(at, DAY_MILLIS);
    folder.replayInto(aggregator, day - model.maxCalendarDays(), day);
    return aggregator.finish();
  }

  private static Aggregates await(Future<Aggregates> aggregates) {
    try {
      return aggregates.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the backtest was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  private static ThreadFactory daemon() {
    return task -> {
      Thread thread = new Thread(task, "backtest-aggregate");
      thread.setDaemon(true);
      return thread;
    };
  }
}
