package io.github.pqlconnector.core.engine;

import io.github.pqlconnector.core.model.Event;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The running values of every metric for one entity: numbers (counts, sums, first/last timestamps), sets
 * (distinct values, users, active days) and the activation checklist as a bit mask. Its size depends on
 * the model, never on the number of events.
 */
final class EntityAggregate {
  private final double[] numbers;
  private final @Nullable Object[] sets;
  private long activation;
  /** A user's own distinct-users set: always just itself, so no set is kept. */
  private static final Object SELF = new Object();
  private EntityAggregate @Nullable [] countedIn;

  EntityAggregate(CompiledModel model) {
    numbers = model.initialNumbers();
    sets = new Object[model.setSlots()];
  }

  /**
   * Folds one event in: {@code daysAgo} is the UTC calendar days between the event's day and today
   * (0 = today; a metric counts the event when that day is inside its window), {@code user} the aggregate of
   * the event's user (null without one).
   */
  void add(MetricDef[] defs, Event event, int daysAgo, @Nullable EntityAggregate user) {
    for (MetricDef def : defs) {
      if (daysAgo < def.calendarDays()) {
        fold(def, event, daysAgo, user);
      }
    }
  }

  void markStep(int bit) {
    activation |= 1L << bit;
  }

  private void fold(MetricDef def, Event event, int daysAgo, @Nullable EntityAggregate user) {
    int slot = def.slot();
    switch (def.kind()) {
      case COUNT -> numbers[slot]++;
      case SUM -> numbers[slot] += numberOf(event.properties().get(def.property()));
      case FIRST_SEEN -> numbers[slot] = Math.min(numbers[slot], event.timestampMillis());
      case LAST_SEEN -> numbers[slot] = Math.max(numbers[slot], event.timestampMillis());
      case DISTINCT -> addValue(slot, textOf(event.properties().get(def.property())));
      case DISTINCT_USERS -> addUser(slot, event.userId(), user);
      case ACTIVE_DAYS -> days(slot).set(daysAgo);
    }
  }

  /**
   * Counts a user once per set: the user's aggregate remembers which aggregate it was last added to, so
   * the hot path skips the set lookup for every later event of the same user (most of them).
   */
  private void addUser(int slot, @Nullable String userId, @Nullable EntityAggregate user) {
    if (user == null || userId == null) {
      return;
    }
    if (user == this) {
      sets[slot] = SELF;
      return;
    }
    if (user.countedIn == null) {
      user.countedIn = new EntityAggregate[sets.length];
    }
    if (user.countedIn[slot] != this) {
      user.countedIn[slot] = this;
      addValue(slot, userId);
    }
  }

  @SuppressWarnings("unchecked")
  private void addValue(int slot, @Nullable String value) {
    if (value != null) {
      if (sets[slot] == null) {
        sets[slot] = new HashSet<String>(4);
      }
      ((Set<String>) sets[slot]).add(value);
    }
  }

  private BitSet days(int slot) {
    if (sets[slot] == null) {
      sets[slot] = new BitSet();
    }
    return (BitSet) sets[slot];
  }

  /** Adds everything {@code other} saw into this aggregate; {@code other} is never a user's own aggregate. */
  @SuppressWarnings("unchecked")
  void merge(EntityAggregate other, List<MetricKind> kinds) {
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = switch (kinds.get(i)) {
        case FIRST_SEEN -> Math.min(numbers[i], other.numbers[i]);
        case LAST_SEEN -> Math.max(numbers[i], other.numbers[i]);
        default -> numbers[i] + other.numbers[i];
      };
    }
    for (int i = 0; i < sets.length; i++) {
      Object theirs = other.sets[i];
      if (theirs instanceof BitSet bits) {
        days(i).or(bits);
      } else if (theirs == SELF) {
        throw new IllegalStateException("a user's own aggregate is never merged into another");
      } else if (theirs != null) {
        for (String value : (Set<String>) theirs) {
          addValue(i, value);
        }
      }
    }
    activation |= other.activation;
  }

  /**
   * Adds one UTC day's partial (folded from that day's events alone, as if it were today) seen from
   * {@code daysAgo} days later: a metric takes it only when that day is inside its window, and an active
   * day lands on bit {@code daysAgo}. Merging every kept day gives what folding their events would give.
   */
  void mergeDay(EntityAggregate day, int daysAgo, CompiledModel model) {
    for (MetricDef def : model.allDefs()) {
      if (daysAgo < def.calendarDays()) {
        mergeSlot(def, day, daysAgo);
      }
    }
    if (daysAgo < model.defaultCalendarDays()) {
      activation |= day.activation;
    }
  }

  @SuppressWarnings("unchecked")
  private void mergeSlot(MetricDef def, EntityAggregate day, int daysAgo) {
    int slot = def.slot();
    switch (def.kind()) {
      case COUNT, SUM -> numbers[slot] += day.numbers[slot];
      case FIRST_SEEN -> numbers[slot] = Math.min(numbers[slot], day.numbers[slot]);
      case LAST_SEEN -> numbers[slot] = Math.max(numbers[slot], day.numbers[slot]);
      case ACTIVE_DAYS -> {
        if (day.setSize(slot) > 0) {
          days(slot).set(daysAgo);
        }
      }
      case DISTINCT, DISTINCT_USERS -> {
        Object theirs = day.sets[slot];
        if (theirs == SELF) {
          sets[slot] = SELF;
        } else if (theirs != null) {
          ((Set<String>) theirs).forEach(value -> addValue(slot, value));
        }
      }
    }
  }

  private static double numberOf(@Nullable Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  private static @Nullable String textOf(@Nullable Object value) {
    return value == null ? null : value.toString();
  }

  double number(int slot) {
    return numbers[slot];
  }

  int setSize(int slot) {
    Object set = sets[slot];
    if (set instanceof BitSet bits) {
      return bits.cardinality();
    }
    if (set == SELF) {
      return 1;
    }
    return set == null ? 0 : ((Set<?>) set).size();
  }

  long activation() {
    return activation;
  }

  // Raw access for BucketCodec, which stores day partials: a set slot holds a Set<String>, a BitSet of
  // days, the user's own marker, or null.

  void restoreNumber(int slot, double value) {
    numbers[slot] = value;
  }

  @Nullable Object rawSet(int slot) {
    return sets[slot];
  }

  boolean isSelf(int slot) {
    return sets[slot] == SELF;
  }

  void markSelf(int slot) {
    sets[slot] = SELF;
  }

  void markDay(int slot, int daysAgo) {
    days(slot).set(daysAgo);
  }

  void restoreValues(int slot, Iterable<String> values) {
    values.forEach(value -> addValue(slot, value));
  }

  void restoreActivation(long mask) {
    activation = mask;
  }

  static double initial(MetricKind kind) {
    return switch (kind) {
      case FIRST_SEEN -> Double.POSITIVE_INFINITY;
      case LAST_SEEN -> Double.NEGATIVE_INFINITY;
      default -> 0;
    };
  }
}
