package io.github.pqlconnector.core.engine;

import io.github.pqlconnector.core.config.EventProperty;
import io.github.pqlconnector.core.config.MetricSpec;
import io.github.pqlconnector.core.config.ModelConfig;
import io.github.pqlconnector.core.config.SignalSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model turned into lookup tables for the hot path: which metrics each event name feeds, which bit of
 * the activation mask it sets. {@code anyEvent} signals become hidden count metrics over the default window.
 */
public final class CompiledModel {
  static final String ANY = "*";

  private final ModelConfig config;
  private final Map<String, MetricDef> metrics = new LinkedHashMap<>();
  private final Map<SignalSpec, MetricDef> anyEventMetrics = new HashMap<>();
  private final Map<String, Integer> activationBits = new HashMap<>();
  private final Set<String> properties = new HashSet<>();
  private final Map<String, Route> routes = new HashMap<>();
  private final List<MetricDef> allDefs = new ArrayList<>();
  private final List<MetricKind> numberKinds = new ArrayList<>();
  private final double[] initialNumbers;
  private int setSlots;
  private long maxWindowMillis;

  public CompiledModel(ModelConfig config) {
    this.config = config;
    long defaultWindow = config.window().toMillis();
    maxWindowMillis = defaultWindow;
    config.metrics().forEach((name, spec) -> metrics.put(name, compile(name, spec, defaultWindow)));
    for (SignalSpec signal : config.signals()) {
      if (signal.anyEvent() != null) {
        anyEventMetrics.put(signal, def("anyEvent:" + signal.name(), MetricKind.COUNT,
            Set.copyOf(signal.anyEvent()), null, defaultWindow));
      }
    }
    initialNumbers = numberKinds.stream().mapToDouble(EntityAggregate::initial).toArray();
    List<String> steps = config.activation().steps();
    for (int i = 0; i < steps.size(); i++) {
      activationBits.put(steps.get(i), i);
    }
  }

  public ModelConfig config() {
    return config;
  }

  /** The event properties the model reads; sources may drop all others. */
  public Set<String> properties() {
    return Set.copyOf(properties);
  }

  public long maxWindowMillis() {
    return maxWindowMillis;
  }

  /** The UTC calendar days the longest window covers, today included. */
  public int maxCalendarDays() {
    return MetricDef.calendarDays(maxWindowMillis);
  }

  /** The UTC calendar days the default window ({@code anyEvent}, activation) covers. */
  int defaultCalendarDays() {
    return MetricDef.calendarDays(config.window().toMillis());
  }

  /** Every metric, the hidden {@code anyEvent} counts included, in slot-assignment order. */
  List<MetricDef> allDefs() {
    return allDefs;
  }

  /** A fresh array of number slots at their starting values (0, or ±∞ for first/last seen). */
  double[] initialNumbers() {
    return initialNumbers.clone();
  }

  /** The kind of each number slot, in slot order; for initialising and merging aggregates. */
  List<MetricKind> numberKinds() {
    return numberKinds;
  }

  int setSlots() {
    return setSlots;
  }

  Map<String, MetricDef> metrics() {
    return metrics;
  }

  MetricDef anyEventMetric(SignalSpec signal) {
    return anyEventMetrics.get(signal);
  }

  /** Where an event name goes: the metrics it feeds and its activation bit (-1 if none). */
  record Route(MetricDef[] metrics, int activationBit) {}

  /** The route of this event name, computed once per name: one lookup per event on the hot path. */
  Route route(String event) {
    Route route = routes.get(event);
    if (route == null) {
      List<MetricDef> matching = new ArrayList<>();
      for (MetricDef def : allDefs) {
        if (def.matchesAnyEvent() || def.events().contains(event)) {
          matching.add(def);
        }
      }
      route = new Route(matching.toArray(MetricDef[]::new), activationBits.getOrDefault(event, -1));
      routes.put(event, route);
    }
    return route;
  }

  private MetricDef compile(String name, MetricSpec spec, long defaultWindow) {
    long window = spec.window() != null ? spec.window().toMillis() : defaultWindow;
    if (spec.count() != null) {
      return def(name, MetricKind.COUNT, events(spec.count()), null, window);
    }
    if (spec.sum() != null) {
      return def(name, MetricKind.SUM, events(spec.sum()), spec.sum().property(), window);
    }
    if (spec.distinct() != null) {
      return def(name, MetricKind.DISTINCT, events(spec.distinct()), spec.distinct().property(), window);
    }
    if (spec.activeDays() != null) {
      return def(name, MetricKind.ACTIVE_DAYS, events(spec.activeDays()), null, window);
    }
    if (spec.distinctUsers() != null) {
      return def(name, MetricKind.DISTINCT_USERS, events(spec.distinctUsers()), null, window);
    }
    if (spec.firstSeen() != null) {
      return def(name, MetricKind.FIRST_SEEN, events(spec.firstSeen()), null, window);
    }
    return def(name, MetricKind.LAST_SEEN, events(spec.lastSeen()), null, window);
  }

  private MetricDef def(String name, MetricKind kind, Set<String> events, String property, long window) {
    if (property != null) {
      properties.add(property);
    }
    maxWindowMillis = Math.max(maxWindowMillis, window);
    int slot = kind.usesSet ? setSlots++ : numberKinds.size();
    if (!kind.usesSet) {
      numberKinds.add(kind);
    }
    MetricDef def = new MetricDef(name, kind, events, property, window, slot);
    allDefs.add(def);
    return def;
  }

  private static Set<String> events(EventProperty ep) {
    return events(ep.event());
  }

  private static Set<String> events(String event) {
    return ANY.equals(event) ? null : Set.of(event);
  }
}
