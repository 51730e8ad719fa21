package io.github.pqlconnector.core.engine;

import io.github.pqlconnector.core.model.DayBucket;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.spi.EventSink;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Folds the events of an incremental read, [{@code fromMillis}, {@code toMillis}), into one partial per
 * entity per UTC day (memory: entities × days read, never events). The partials go into an
 * {@link Aggregator} alongside the stored buckets of earlier days, and are stored as the new buckets of
 * the days read. Events outside the range are ignored: those days are not being replaced. Not thread-safe.
 */
public final class DayFolder implements EventSink {
  private static final long DAY_MILLIS = 86_400_000L;

  private final CompiledModel model;
  private final Rejections rejections;
  private final long fromMillis;
  private final long toMillis;
  private final TreeMap<Long, Map<String, DayPartial>> users = new TreeMap<>();
  private final TreeMap<Long, Map<String, DayPartial>> accounts = new TreeMap<>();
  private long accepted;

  /**
   * Identifies the layout of the day buckets this model writes (the codec's encoding and the model's metric slots);
   * buckets written under another fingerprint are rebuilt.
   */
  public static String fingerprint(CompiledModel model) {
    return BucketCodec.fingerprint(model);
  }

  public DayFolder(CompiledModel model, Rejections rejections, long fromMillis, long toMillis) {
    this.model = model;
    this.rejections = rejections;
    this.fromMillis = fromMillis;
    this.toMillis = toMillis;
  }

  @Override
  public void accept(Event event) {
    accepted++;
    long at = event.timestampMillis();
    if (at < fromMillis || at >= toMillis) {
      return;
    }
    long day = Math.floorDiv(at, DAY_MILLIS);
    CompiledModel.Route route = model.route(event.name());
    DayPartial user = event.userId() == null ? null : partial(users, day, event.userId());
    EntityAggregate userAgg = null;
    if (user != null) {
      user.identity.learn(event);
      userAgg = user.own;
      fold(userAgg, route, event, userAgg);
    }
    if (event.accountId() != null) {
      fold(partial(accounts, day, event.accountId()).own, route, event, userAgg);
    } else if (user != null) {
      fold(user.unattributed(model), route, event, userAgg);
    }
  }

  @Override
  public void reject(String location, String problem) {
    rejections.add(location, problem);
  }

  public long accepted() {
    return accepted;
  }

  /** Hands every partial of the read to {@code aggregator}, as if they were stored buckets. */
  public void replayInto(Aggregator aggregator) {
    forEach(EntityLevel.ACCOUNT, accounts, aggregator::merge);
    forEach(EntityLevel.USER, users, aggregator::merge);
  }

  /** Hands the partials of the UTC days [{@code fromDay}, {@code toDay}) to {@code aggregator} (a backtest's date). */
  public void replayInto(Aggregator aggregator, long fromDay, long toDay) {
    forEach(EntityLevel.ACCOUNT, accounts.subMap(fromDay, toDay),
        aggregator::merge);
    forEach(EntityLevel.USER, users.subMap(fromDay, toDay),
        aggregator::merge);
  }

  /** The read's partials, encoded for the state store as they are iterated: the new buckets of the days read. */
  public Iterable<DayBucket> buckets() {
    return () -> Stream.concat(stream(EntityLevel.ACCOUNT, accounts), stream(EntityLevel.USER, users)).iterator();
  }

  private Stream<DayBucket> stream(EntityLevel level, Map<Long, Map<String, DayPartial>> byDay) {
    return byDay.entrySet().stream().flatMap(day -> day.getValue().entrySet().stream().map(partial ->
        new DayBucket(new EntityRef(level, partial.getKey()), day.getKey(),
            BucketCodec.encode(partial.getValue(), model))));
  }

  private interface PartialVisitor {
    void visit(EntityRef entity, long day, DayPartial partial);
  }

  private static void forEach(EntityLevel level, Map<Long, Map<String, DayPartial>> byDay, PartialVisitor visitor) {
    byDay.forEach((day, partials) -> partials.forEach((id, partial) ->
        visitor.visit(new EntityRef(level, id), day, partial)));
  }

  private DayPartial partial(Map<Long, Map<String, DayPartial>> byDay, long day, String id) {
    return byDay.computeIfAbsent(day, d -> new HashMap<>())
        .computeIfAbsent(id, i -> new DayPartial(new EntityAggregate(model)));
  }

  private static void fold(EntityAggregate agg, CompiledModel.Route route, Event event,
      @Nullable EntityAggregate user) {
    agg.add(route.metrics(), event, 0, user);
    if (route.activationBit() >= 0) {
      agg.markStep(route.activationBit());
    }
  }
}
