package io.github.pqlconnector.core.report;

import io.github.pqlconnector.core.config.ModelConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.engine.Rejections;
import io.github.pqlconnector.core.engine.TraitsIndex;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.PqlResult;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.ReadRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * hysteresis and episodes hold as in live runs. A read of the source feeds every model's day partials (memory:
 * entities × days, never events); each date is then evaluated from the partials, not from a new read. The dates are
 * read in as few groups as the heap allows ({@link #daysPerRead}): one read when the history fits.
 */
public final class Backtest {
  private static final long DAY_MILLIS = 86_400_000L;
  /**
   * Days of partials per 384 MiB of heap: the demo (28,000 entities, 2 million events over 210 days) replays in the
   * launcher's 384 MiB heap at 60 days a read.
   */
  private static final int DAYS_PER_384_MIB = 60;

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

  /** What a replay tells at each date: every entity's verdict then, dates in order. */
  public interface Verdicts {
    void at(Instant date, List<Evaluation> evaluations);
  }

  private Backtest() {}

  /** How many days of partials one read may hold in this JVM's heap. */
  public static int daysPerRead() {
    return (int) Math.max(1, Runtime.getRuntime().maxMemory() * DAYS_PER_384_MIB / (384L << 20));
  }

  /** Each named model's report, in order; {@code conversions} by entity, sorted. */
  public static List<BacktestReport> run(AnalyticsSource source, Map<String, ModelConfig> models, Plan plan,
      Map<EntityRef, List<Instant>> conversions, String sync, Instant now) {
    return run(source, models, plan, conversions, sync, now, daysPerRead());
  }

  /** As {@link #run(AnalyticsSource, Map, Plan, Map, String, Instant)}, reading at most {@code daysPerRead} days at once. */
  public static List<BacktestReport> run(AnalyticsSource source, Map<String, ModelConfig> models, Plan plan,
      Map<EntityRef, List<Instant>> conversions, String sync, Instant now, int daysPerRead) {
    List<LocalDate> dates = plan.dates();
    Map<String, Journeys> journeys = new LinkedHashMap<>();
    models.keySet().forEach(name -> journeys.put(name, new Journeys(dates)));
    Map<String, CompiledModel> compiled = replay(source, models, dates, daysPerRead, journeys);
    List<BacktestReport> reports = new ArrayList<>();
    journeys.forEach((name, j) -> reports.add(j.report(name, compiled.get(name), plan, conversions, sync, now)));
    return reports;
  }

  /** Replays {@code model} at {@code dates}, handing each date's verdicts on. */
  public static void replay(AnalyticsSource source, ModelConfig model, List<LocalDate> dates, Verdicts verdicts) {
    replay(source, Map.of("model", model), dates, daysPerRead(), Map.of("model", verdicts));
  }

  private static Map<String, CompiledModel> replay(AnalyticsSource source, Map<String, ModelConfig> models,
      List<LocalDate> dates, int daysPerRead, Map<String, ? extends Verdicts> verdicts) {
    Rejections rejections = new Rejections();
    TraitsIndex traits = new TraitsIndex(rejections);
    source.readTraits(EntityLevel.ACCOUNT, traits);
    source.readTraits(EntityLevel.USER, traits);
    Map<String, DateReplay> replays = new LinkedHashMap<>();
    models.forEach((name, model) -> replays.put(name, new DateReplay(new CompiledModel(model), traits, rejections)));
    int windowDays = replays.values().stream().mapToInt(r -> r.model.maxCalendarDays()).max().orElse(0);
    Set<String> properties = new HashSet<>();
    replays.values().forEach(r -> properties.addAll(r.model.properties()));
    for (List<LocalDate> group : groups(dates, windowDays, daysPerRead)) {
      LocalDate last = group.get(group.size() - 1);
      replays.values().forEach(r -> r.startGroup(group.get(0), last));
      Instant readFrom = start(group.get(0)).minusMillis(windowDays * DAY_MILLIS);
      source.readEvents(new ReadRequest(null, readFrom, start(last), properties),
          new TeeSink(replays.values().stream().map(r -> (EventSink) r.folder).toList()));
      replays.forEach((name, r) -> r.evaluate(group, verdicts.get(name)));
    }
    Map<String, CompiledModel> compiled = new LinkedHashMap<>();
    replays.forEach((name, r) -> compiled.put(name, r.model));
    return compiled;
  }

  /** The dates in order, cut so that each group's days (its window included) fit in {@code daysPerRead}. */
  static List<List<LocalDate>> groups(List<LocalDate> dates, int windowDays, int daysPerRead) {
    List<List<LocalDate>> groups = new ArrayList<>();
    List<LocalDate> group = new ArrayList<>();
    for (LocalDate date : dates) {
      if (!group.isEmpty() && group.get(0).until(date, ChronoUnit.DAYS) + windowDays > daysPerRead) {
        groups.add(group);
        group = new ArrayList<>();
      }
      group.add(date);
    }
    if (!group.isEmpty()) {
      groups.add(group);
    }
    return groups;
  }

  static Instant start(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** A model's entries into the tiers at the replayed dates, and the report they make with the conversions. */
  private static final class Journeys implements Verdicts {
    final Map<EntityRef, Journey> byEntity = new HashMap<>();
    final List<LocalDate> dates;
    final Instant periodFrom;
    final Instant periodTo;

    Journeys(List<LocalDate> dates) {
      this.dates = dates;
      this.periodFrom = start(dates.get(0));
      this.periodTo = start(dates.get(dates.size() - 1));
    }

    @Override
    public void at(Instant date, List<Evaluation> evaluations) {
      for (Evaluation e : evaluations) {
        PqlResult r = e.result();
        byEntity.computeIfAbsent(e.entity(), x -> new Journey(periodFrom, periodTo))
            .change(date, r.status(), r.score(), r.primaryType(), r.activationPct());
      }
    }

    BacktestReport report(String name, CompiledModel model, Plan plan, Map<EntityRef, List<Instant>> conversions,
        String sync, Instant now) {
      ConversionStats stats = new ConversionStats(byEntity, conversions, plan.horizon(), now);
      ConversionReport report = new ConversionReport(sync, "backtest of " + dates.size() + " dates, every "
          + plan.everyDays() + " days; traits as of now", periodFrom, periodTo, (int) plan.horizon().toDays(),
          plan.levels().stream().filter(l -> model.config().levels().contains(l)).map(stats::level).toList());
      return BacktestReport.of(name, dates, plan.everyDays(), report);
    }
  }
}
