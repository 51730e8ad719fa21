package io.github.pqlconnector.core.engine;

import io.github.pqlconnector.core.model.DayBucket;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.spi.EventSink;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Folds a stream of events (or stored day buckets, {@link #acceptBucket}) into per-entity aggregates. Each
 * event counts for its user and for its account: the event's own account id, else the account the user's
 * traits name, else it is parked per user and folded at {@link #finish()} into the account of the user's
 * latest event that had one. Windows are whole UTC days ending now; events outside the longest one only
 * teach identities (email, account). Not thread-safe.
 */
public final class Aggregator implements EventSink {
  private static final long DAY_MILLIS = 86_400_000L;

  private final CompiledModel model;
  private final TraitsIndex traits;
  private final Rejections rejections;
  private final long nowMillis;
  private final int defaultDays;
  private final int maxDays;
  private final long today;
  private final Map<String, UserSlot> users = new HashMap<>();
  private final Map<String, EntityAggregate> accounts = new HashMap<>();
  private long accepted;

  public Aggregator(CompiledModel model, TraitsIndex traits, Rejections rejections, long nowMillis) {
    this.model = model;
    this.traits = traits;
    this.rejections = rejections;
    this.nowMillis = nowMillis;
    this.defaultDays = model.defaultCalendarDays();
    this.maxDays = model.maxCalendarDays();
    this.today = Math.floorDiv(nowMillis, DAY_MILLIS);
  }

  @Override
  public void accept(Event event) {
    accepted++;
    long daysAgo = today - Math.floorDiv(event.timestampMillis(), DAY_MILLIS);
    if (event.timestampMillis() > nowMillis || daysAgo >= maxDays) {
      return;
    }
    UserSlot user = event.userId() == null ? null : slot(event.userId());
    if (user != null) {
      user.identity.learn(event);
    }
    CompiledModel.Route route = model.route(event.name());
    MetricDef[] defs = route.metrics();
    int bit = daysAgo < defaultDays ? route.activationBit() : -1;
    EntityAggregate userAgg = null;
    if (user != null) {
      userAgg = user.aggregate(model);
      fold(userAgg, defs, event, (int) daysAgo, bit, userAgg);
    }
    String account = event.accountId() != null ? event.accountId() : user == null ? null : user.accountFromTraits();
    if (account != null) {
      EntityAggregate accountAgg = user != null ? user.account(account, accounts, model)
          : accounts.computeIfAbsent(account, id -> new EntityAggregate(model));
      fold(accountAgg, defs, event, (int) daysAgo, bit, userAgg);
    } else if (user != null) {
      fold(user.unattributed(model), defs, event, (int) daysAgo, bit, userAgg);
    }
  }

  /**
   * Takes one stored day bucket (see {@link DayFolder}) in place of that day's events. Buckets of days
   * outside the longest window are skipped. Not counted as events.
   */
  public void acceptBucket(DayBucket bucket) {
    merge(bucket.entity(), bucket.epochDay(), BucketCodec.decode(bucket.data(), model));
  }

  void merge(EntityRef entity, long epochDay, DayPartial day) {
    long daysAgo = today - epochDay;
    if (daysAgo < 0 || daysAgo >= maxDays) {
      return;
    }
    if (entity.level() == EntityLevel.ACCOUNT) {
      accounts.computeIfAbsent(entity.id(), id -> new EntityAggregate(model)).mergeDay(day.own, (int) daysAgo, model);
      return;
    }
    UserSlot user = slot(entity.id());
    user.identity.learn(day.identity);
    user.aggregate(model).mergeDay(day.own, (int) daysAgo, model);
    if (day.unattributed != null) {
      user.unattributed(model).mergeDay(day.unattributed, (int) daysAgo, model);
    }
  }

  @Override
  public void reject(String location, String problem) {
    rejections.add(location, problem);
  }

  public long accepted() {
    return accepted;
  }

  /** Folds parked events into the accounts learnt since, and hands over the result. */
  public Aggregates finish() {
    users.values().forEach(user -> {
      String account = user.account();
      if (user.unattributed != null && account != null) {
        accounts.computeIfAbsent(account, a -> new EntityAggregate(model)).merge(user.unattributed, model.numberKinds());
      }
      user.unattributed = null;
    });
    return new Aggregates(model, users, accounts, traits, nowMillis);
  }

  private UserSlot slot(String userId) {
    UserSlot slot = users.get(userId);
    if (slot == null) {
      slot = new UserSlot(traits.accountOf(userId));
      users.put(userId, slot);
    }
    return slot;
  }

  private static void fold(EntityAggregate agg, MetricDef[] defs, Event event, int daysAgo, int bit,
      @Nullable EntityAggregate user) {
    agg.add(defs, event, daysAgo, user);
    if (bit >= 0) {
      agg.markStep(bit);
    }
  }
}
