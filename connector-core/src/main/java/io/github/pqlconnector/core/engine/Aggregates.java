package io.github.pqlconnector.core.engine;

import io.github.pqlconnector.core.config.ModelConfig;
import io.github.pqlconnector.core.config.SignalSpec;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Traits;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The folded events of one run, read as metric values per entity. */
public final class Aggregates {
  private static final double DAY_MILLIS = 86_400_000d;

  private final CompiledModel model;
  private final Map<String, UserSlot> users;
  private final Map<String, EntityAggregate> accounts;
  private final TraitsIndex traits;
  private final long nowMillis;

  Aggregates(CompiledModel model, Map<String, UserSlot> users, Map<String, EntityAggregate> accounts,
      TraitsIndex traits, long nowMillis) {
    this.model = model;
    this.users = users;
    this.accounts = accounts;
    this.traits = traits;
    this.nowMillis = nowMillis;
  }

  /**
   * Every entity of the level seen in the window's events or listed in the traits, sorted by id. The traits' refs go
   * in first, so an entity with traits is named by the ref (and id String) its traits already hold.
   */
  public SortedSet<EntityRef> entities(EntityLevel level) {
    SortedSet<EntityRef> all = new TreeSet<>();
    traits.all(level).forEach(t -> all.add(t.entity()));
    if (level == EntityLevel.USER) {
      users.forEach((id, slot) -> {
        if (slot.aggregate != null) {
          all.add(EntityRef.user(id));
        }
      });
    } else {
      accounts.keySet().forEach(id -> all.add(EntityRef.account(id)));
    }
    return all;
  }

  /** The account of a user: its traits' accountId, else the account of its latest event that had one. */
  public @Nullable String accountOf(String userId) {
    String fromTraits = traits.accountOf(userId);
    UserSlot slot = users.get(userId);
    return fromTraits != null ? fromTraits : slot == null ? null : slot.identity.account;
  }

  /**
   * Traits as the rules see them: a user's email and accountId are filled from its events when missing. When
   * nothing is missing the traits read are returned as they are, so a verdict shares them instead of a copy.
   */
  public Traits traitsOf(EntityRef entity) {
    Traits known = traits.of(entity);
    if (entity.level() == EntityLevel.ACCOUNT) {
      return known;
    }
    UserSlot slot = users.get(entity.id());
    String email = missing(known, Traits.EMAIL) ? (slot == null ? null : slot.email()) : null;
    String account = missing(known, Traits.ACCOUNT_ID) ? accountOf(entity.id()) : null;
    if (email == null && account == null) {
      return known;
    }
    Map<String, String> values = new HashMap<>(known.values());
    putIfMissing(values, Traits.EMAIL, email);
    putIfMissing(values, Traits.ACCOUNT_ID, account);
    return new Traits(entity, values);
  }

  private static boolean missing(Traits known, String key) {
    String current = known.values().get(key);
    return current == null || current.isBlank();
  }

  /** Every declared metric with data, in declaration order, then {@code activation_pct}. */
  public Map<String, Double> metricValues(EntityRef entity) {
    EntityAggregate agg = aggregate(entity);
    Map<String, Double> values = new LinkedHashMap<>();
    for (MetricDef def : model.metrics().values()) {
      Double value = agg == null ? emptyValue(def) : valueOf(def, agg);
      if (value != null) {
        values.put(def.name(), value);
      }
    }
    values.put(ModelConfig.ACTIVATION_PCT, activationPct(agg));
    return values;
  }

  /** How many events an {@code anyEvent} signal matched in the default window. */
  public double anyEventCount(EntityRef entity, SignalSpec signal) {
    EntityAggregate agg = aggregate(entity);
    return agg == null ? 0 : agg.number(model.anyEventMetric(signal).slot());
  }

  private @Nullable EntityAggregate aggregate(EntityRef entity) {
    if (entity.level() == EntityLevel.ACCOUNT) {
      return accounts.get(entity.id());
    }
    UserSlot slot = users.get(entity.id());
    return slot == null ? null : slot.aggregate;
  }

  private double activationPct(@Nullable EntityAggregate agg) {
    int steps = model.config().activation().steps().size();
    if (steps == 0 || agg == null) {
      return 0;
    }
    double pct = 100.0 * Long.bitCount(agg.activation()) / steps;
    return Math.round(pct * 10) / 10.0;
  }

  private @Nullable Double valueOf(MetricDef def, EntityAggregate agg) {
    return switch (def.kind()) {
      case COUNT -> agg.number(def.slot());
      case SUM -> Math.round(agg.number(def.slot()) * 1e6) / 1e6;
      case DISTINCT, DISTINCT_USERS, ACTIVE_DAYS -> (double) agg.setSize(def.slot());
      case FIRST_SEEN, LAST_SEEN -> daysSince(agg.number(def.slot()));
    };
  }

  private static @Nullable Double emptyValue(MetricDef def) {
    return def.kind() == MetricKind.FIRST_SEEN || def.kind() == MetricKind.LAST_SEEN ? null : 0.0;
  }

  private @Nullable Double daysSince(double timestamp) {
    return Double.isInfinite(timestamp) ? null : Math.floor((nowMillis - timestamp) / DAY_MILLIS);
  }

  private static void putIfMissing(Map<String, String> values, String key, @Nullable String value) {
    String current = values.get(key);
    if ((current == null || current.isBlank()) && value != null) {
      values.put(key, value);
    }
  }
}
