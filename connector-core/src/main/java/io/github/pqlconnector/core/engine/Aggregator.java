package io.github.pqlconnector.core.engine;

import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.spi.EventSink;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Folds a stream of events into per-entity aggregates. Each event counts for its user and for its account:
 * the event's own account id, else the account the user's traits name, else (for users whose account is
 * learnt only from a later event) it is parked per user and folded into that account at {@link #finish()}.
 * Events outside [now − longest window, now] only teach identities (email, account). Not thread-safe.
 */
public final class Aggregator implements EventSink {
  private static final long DAY_MILLIS = 86_400_000L;

  private final CompiledModel model;
  private final TraitsIndex traits;
  private final Rejections rejections;
  private final long nowMillis;
  private final long defaultWindow;
  private final long today;
  private final Map<String, UserSlot> users = new HashMap<>();
  private final Map<String, EntityAggregate> accounts = new HashMap<>();
  private long accepted;

  public Aggregator(CompiledModel model, TraitsIndex traits, Rejections rejections, long nowMillis) {
    this.model = model;
    this.traits = traits;
    this.rejections = rejections;
    this.nowMillis = nowMillis;
    this.defaultWindow = model.config().window().toMillis();
    this.today = Math.floorDiv(nowMillis, DAY_MILLIS);
  }

  @Override
  public void accept(Event event) {
    accepted++;
    UserSlot user = event.userId() == null ? null : slot(event.userId());
    if (user != null) {
      user.learn(event);
    }
    long age = nowMillis - event.timestampMillis();
    if (age < 0 || age > model.maxWindowMillis()) {
      return;
    }
    CompiledModel.Route route = model.route(event.name());
    MetricDef[] defs = route.metrics();
    int bit = age <= defaultWindow ? route.activationBit() : -1;
    int daysAgo = (int) (today - Math.floorDiv(event.timestampMillis(), DAY_MILLIS));
    EntityAggregate userAgg = null;
    if (user != null) {
      userAgg = user.aggregate(model);
      fold(userAgg, defs, event, age, daysAgo, bit, userAgg);
    }
    String account = event.accountId() != null ? event.accountId() : user == null ? null : user.account();
    if (account != null) {
      EntityAggregate accountAgg = user != null ? user.account(account, accounts, model)
          : accounts.computeIfAbsent(account, id -> new EntityAggregate(model));
      fold(accountAgg, defs, event, age, daysAgo, bit, userAgg);
    } else if (user != null) {
      fold(user.unattributed(model), defs, event, age, daysAgo, bit, userAgg);
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

  private static void fold(EntityAggregate agg, MetricDef[] defs, Event event, long age, int daysAgo, int bit,
      @Nullable EntityAggregate user) {
    agg.add(defs, event, age, daysAgo, user);
    if (bit >= 0) {
      agg.markStep(bit);
    }
  }
}
