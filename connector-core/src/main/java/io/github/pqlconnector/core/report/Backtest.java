package io.github.pqlconnector.core.report;

import io.github.pqlconnector.core.config.ModelConfig;
import io.github.pqlconnector.core.engine.Aggregates;
import io.github.pqlconnector.core.engine.Aggregator;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.engine.DayFolder;
import io.github.pqlconnector.core.engine.PqlEngine;
import io.github.pqlconnector.core.engine.Rejections;
import io.github.pqlconnector.core.engine.TraitsIndex;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.EntityState;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.PqlResult;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.ReadRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pql backtest}: replays models at each date over the source's history, point in time: at date D (00:00 UTC)
 * only the events of the days before D count, and each date's verdicts carry the states of the one before, so
 * hysteresis and episodes hold as in live runs. One read of the source feeds every model's day partials (memory:
 * entities × days, never events); each date is then evaluated from the partials, not from a new read.
 */
public final class Backtest {
  private static final long DAY_MILLIS = 86_400_000L;

  /** The dates and what counts: entries from {@code from} to {@code to}, every {@code everyDays}. */
  public record Plan(LocalDate from, LocalDate to, int everyDays, Duration horizon, List<EntityLevel> levels) {
    public List<LocalDate> dates() {
      List<LocalDate> dates = new ArrayList<>();
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(everyDays)) {
        dates.add(d);
      }
      return dates;
    }
  }

  private Backtest() {}

  /** Each named model's report, in order, from one read of {@code source}; {@code conversions} by entity, sorted. */
  public static List<BacktestReport> run(AnalyticsSource source, Map<String, ModelConfig> models, Plan plan,
      Map<EntityRef, List<Instant>> conversions, String sync, Instant now) {
    Rejections rejections = new Rejections();
    TraitsIndex traits = new TraitsIndex(rejections);
    source.readTraits(EntityLevel.ACCOUNT, traits);
    source.readTraits(EntityLevel.USER, traits);
    List<LocalDate> dates = plan.dates();
    Map<String, Replay> replays = new LinkedHashMap<>();
    models.forEach((name, model) -> replays.put(name, new Replay(new CompiledModel(model), rejections, dates)));
    Instant readFrom = replays.values().stream().map(Replay::readFrom).min(Instant::compareTo).orElseThrow();
    Set<String> properties = new HashSet<>();
    replays.values().forEach(r -> properties.addAll(r.model.properties()));
    source.readEvents(new ReadRequest(null, readFrom, start(dates.get(dates.size() - 1)), properties),
        new TeeSink(replays.values().stream().map(r -> r.folder).toList()));
    List<BacktestReport> reports = new ArrayList<>();
    replays.forEach((name, replay) -> reports.add(replay.report(name, traits, plan, conversions, sync, now)));
    return reports;
  }

  static Instant start(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** One model's replay: its day partials, then a verdict for every entity at every date. */
  private static final class Replay {
    final CompiledModel model;
    final DayFolder folder;
    final Rejections rejections;
    final List<LocalDate> dates;

    Replay(CompiledModel model, Rejections rejections, List<LocalDate> dates) {
      this.model = model;
      this.rejections = rejections;
      this.dates = dates;
      this.folder = new DayFolder(model, rejections, readFrom().toEpochMilli(),
          start(dates.get(dates.size() - 1)).toEpochMilli());
    }

    Instant readFrom() {
      return start(dates.get(0)).minusMillis(model.maxCalendarDays() * DAY_MILLIS);
    }

    BacktestReport report(String name, TraitsIndex traits, Backtest.Plan plan,
        Map<EntityRef, List<Instant>> conversions, String sync, Instant now) {
      PqlEngine engine = new PqlEngine(model, false);
      Map<EntityRef, EntityState> states = new HashMap<>();
      Map<EntityRef, Journey> journeys = new HashMap<>();
      Instant periodFrom = start(dates.get(0));
      Instant periodTo = start(dates.get(dates.size() - 1));
      for (LocalDate date : dates) {
        Instant at = start(date);
        Aggregator aggregator = new Aggregator(model, traits, rejections, at.toEpochMilli() - 1);
        long day = Math.floorDiv(at.toEpochMilli(), DAY_MILLIS);
        folder.replayInto(aggregator, day - model.maxCalendarDays(), day);
        Aggregates aggregates = aggregator.finish();
        for (Evaluation e : engine.evaluateAll(aggregates, states.keySet(),
            entity -> states.getOrDefault(entity, EntityState.NEW), at.minusMillis(1))) {
          states.put(e.entity(), e.state());
          PqlResult r = e.result();
          journeys.computeIfAbsent(e.entity(), x -> new Journey()).change(at, r.status(), r.score(), r.primaryType(),
              r.activationPct(), periodFrom, periodTo);
        }
      }
      ConversionStats stats = new ConversionStats(journeys, conversions, plan.horizon(), now);
      ConversionReport report = new ConversionReport(sync, "backtest of " + dates.size() + " dates, every "
          + plan.everyDays() + " days; traits as of now", periodFrom, periodTo, (int) plan.horizon().toDays(),
          plan.levels().stream().filter(l -> model.config().levels().contains(l)).map(stats::level).toList());
      return BacktestReport.of(name, dates, plan.everyDays(), report);
    }
  }
}
