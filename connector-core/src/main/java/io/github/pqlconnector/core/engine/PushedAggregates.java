package io.github.pqlconnector.core.engine;

import io.github.pqlconnector.core.config.SignalSpec;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.EntityMetrics;
import io.github.pqlconnector.core.spi.PushdownRequest;
import io.github.pqlconnector.core.spi.PushedMetric;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The other way to {@link Aggregates}: a source that aggregates itself ({@link
 * io.github.pqlconnector.core.spi.MetricPushdown}) gets the model as a {@link PushdownRequest} and sends one row
 * per entity here, instead of every event through the {@link Aggregator}. The engine reads both alike.
 */
public final class PushedAggregates implements Consumer<EntityMetrics> {
  private final CompiledModel model;
  private final TraitsIndex traits;
  private final Instant now;
  private final Map<String, MetricDef> defs = new LinkedHashMap<>();
  private final Map<String, UserSlot> users = new HashMap<>();
  private final Map<String, EntityAggregate> accounts = new HashMap<>();
  private long rows;

  public PushedAggregates(CompiledModel model, TraitsIndex traits, Instant now) {
    this.model = model;
    this.traits = traits;
    this.now = now;
    model.metrics().values().forEach(def -> defs.put(def.name(), def));
    for (SignalSpec signal : model.config().signals()) {
      if (signal.anyEvent() != null) {
        MetricDef def = model.anyEventMetric(signal);
        defs.put(def.name(), def);
      }
    }
  }

  /** Every metric in whole UTC days ending today, over the days of the longest window, as the raw-event path. */
  public PushdownRequest request() {
    List<PushedMetric> metrics = defs.values().stream().map(PushedAggregates::pushed).toList();
    return new PushdownRequest(now, model.maxCalendarDays(), metrics, model.config().activation().steps(),
        model.defaultCalendarDays());
  }

  @Override
  public void accept(EntityMetrics row) {
    rows++;
    EntityAggregate aggregate = aggregate(row);
    if (row.entity().level() == EntityLevel.ACCOUNT) {
      accounts.put(row.entity().id(), aggregate);
      return;
    }
    UserSlot slot = new UserSlot(null);
    slot.aggregate = aggregate;
    slot.identity.email = row.email();
    slot.identity.account = row.accountFromEvents();
    users.put(row.entity().id(), slot);
  }

  /** How many entity rows the source sent. */
  public long rows() {
    return rows;
  }

  public Aggregates finish() {
    return new Aggregates(model, users, accounts, traits, now.toEpochMilli());
  }

  private EntityAggregate aggregate(EntityMetrics row) {
    EntityAggregate aggregate = new EntityAggregate(model);
    for (MetricDef def : defs.values()) {
      Double value = row.values().get(def.name());
      if (value != null && def.kind().usesSet) {
        aggregate.putSetSize(def.slot(), value.intValue());
      } else if (value != null) {
        aggregate.putNumber(def.slot(), value);
      }
    }
    List<String> steps = model.config().activation().steps();
    for (int bit = 0; bit < steps.size(); bit++) {
      if (row.stepsDone().contains(steps.get(bit))) {
        aggregate.markStep(bit);
      }
    }
    return aggregate;
  }

  private static PushedMetric pushed(MetricDef def) {
    Set<String> events = def.events() == null ? Set.of() : def.events();
    return new PushedMetric(def.name(), PushedMetric.Kind.valueOf(def.kind().name()), events, def.property(),
        def.calendarDays());
  }
}
