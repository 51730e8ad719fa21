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
  private final long baseDay;
  private final Map<String, EntityAggregate> users = new HashMap<>();
  private final Map<String, EntityAggregate> accounts = new HashMap<>();
  private final Map<String, EntityAggregate> unattributed = new HashMap<>();
  private final Map<String, String> accountFromEvents = new HashMap<>();
  private final Map<String, String> emailFromEvents = new HashMap<>();
  private long accepted;

  public Aggregator(CompiledModel model, TraitsIndex traits, Rejections rejections, long nowMillis) {
    this.model = model;
    this.traits = traits;
    this.rejections = rejections;
    this.nowMillis = nowMillis;
    this.defaultWindow = model.config().window().toMillis();
    this.baseDay = Math.floorDiv(nowMillis - model.maxWindowMillis(), DAY_MILLIS);
  }

  @Override
  public void accept(Event event) {
    accepted++;
    String user = event.userId();
    if (user != null) {
      learnIdentity(user, event);
    }
    long age = nowMillis - event.timestampMillis();
    if (age < 0 || age > model.maxWindowMillis()) {
      return;
    }
    MetricDef[] defs = model.metricsFor(event.name());
    int bit = age <= defaultWindow ? model.activationBit(event.name()) : -1;
    int day = (int) (Math.floorDiv(event.timestampMillis(), DAY_MILLIS) - baseDay);
    if (user != null) {
      fold(users, user, defs, event, age, day, bit);
    }
    String account = event.accountId() != null ? event.accountId() : accountOf(user);
    if (account != null) {
      fold(accounts, account, defs, event, age, day, bit);
    } else if (user != null) {
      fold(unattributed, user, defs, event, age, day, bit);
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
    unattributed.forEach((user, partial) -> {
      String account = accountOf(user);
      if (account != null) {
        accounts.computeIfAbsent(account, a -> new EntityAggregate(model)).merge(partial, model.numberKinds());
      }
    });
    unattributed.clear();
    return new Aggregates(model, users, accounts, traits, accountFromEvents, emailFromEvents, nowMillis);
  }

  private void learnIdentity(String user, Event event) {
    if (event.accountId() != null) {
      accountFromEvents.put(user, event.accountId());
    }
    if (event.email() != null) {
      emailFromEvents.put(user, event.email());
    }
  }

  private @Nullable String accountOf(@Nullable String user) {
    if (user == null) {
      return null;
    }
    String fromTraits = traits.accountOf(user);
    return fromTraits != null ? fromTraits : accountFromEvents.get(user);
  }

  private void fold(Map<String, EntityAggregate> into, String id, MetricDef[] defs, Event event, long age,
      int day, int bit) {
    EntityAggregate agg = into.get(id);
    if (agg == null) {
      agg = new EntityAggregate(model);
      into.put(id, agg);
    }
    agg.add(defs, event, age, day);
    if (bit >= 0) {
      agg.markStep(bit);
    }
  }
}
