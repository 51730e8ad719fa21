package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.problem.ConfigLists;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The PQL model: which levels to decide, metrics, activation, fit, signals, tiers and hysteresis. */
public record ModelConfig(
    @JsonPropertyDescription("Which entities are decided: account, user or both.")
    @Nullable List<EntityLevel> levels,
    @JsonPropertyDescription("Default window of every metric, anyEvent and activation: whole UTC days ending now "
        + "(30d = today and the 29 days before).")
    @Nullable Duration window,
    @JsonPropertyDescription("The metrics, by a name of your choice: each exactly one kind, with an optional own "
        + "window.")
    @Nullable Map<String, MetricSpec> metrics,
    @JsonPropertyDescription("The activation checklist; its progress is the built-in metric activation_pct.")
    @Nullable ActivationSpec activation,
    @JsonPropertyDescription("Fit rules per level; an entity that fails one is not_fit whatever its score.")
    @Nullable FitConfig fit,
    @JsonPropertyDescription("The signals: points when a metric is within bounds or a listed event happened; their "
        + "sum is the score.")
    @Nullable List<SignalSpec> signals,
    @JsonPropertyDescription("Score thresholds of pql and warm.")
    @Nullable Tiers tiers,
    @JsonPropertyDescription("Once pql, an entity stays pql until its score has been below tiers.pql for this long.")
    @Nullable Duration hysteresis) {

  /** The built-in metric every model has: activation checklist progress, 0–100. */
  public static final String ACTIVATION_PCT = "activation_pct";

  public ModelConfig {
    levels = levels == null ? List.of(EntityLevel.ACCOUNT, EntityLevel.USER) : ConfigLists.copy(levels);
    window = window == null ? Duration.ofDays(30) : window;
    metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    activation = activation == null ? ActivationSpec.none() : activation;
    fit = fit == null ? FitConfig.none() : fit;
    signals = ConfigLists.copy(signals);
    tiers = tiers == null ? Tiers.defaults() : tiers;
    hysteresis = hysteresis == null ? Duration.ofDays(7) : hysteresis;
  }

  /** Every metric a signal may name: the declared ones and {@value #ACTIVATION_PCT}. */
  public Set<String> metricNames() {
    Set<String> names = new TreeSet<>(metrics.keySet());
    names.add(ACTIVATION_PCT);
    return names;
  }

  public void validate(ConfigPath at, Problems problems) {
    if (levels.isEmpty()) {
      problems.add(at.child("levels"), "must list user, account or both");
    }
    if (window.isZero() || window.isNegative()) {
      problems.add(at.child("window"), "must be longer than 0");
    }
    metrics.forEach((name, spec) -> validateMetric(at.child("metrics").child(name), name, spec, problems));
    activation.validate(at.child("activation"), problems);
    fit.validate(at.child("fit"), problems);
    Set<String> names = metricNames();
    for (int i = 0; i < signals.size(); i++) {
      signals.get(i).validate(at.child("signals").index(i), problems, names);
    }
    tiers.validate(at.child("tiers"), problems);
  }

  private static void validateMetric(ConfigPath at, String name, @Nullable MetricSpec spec, Problems problems) {
    if (spec == null) {
      problems.add(at, "needs one of " + MetricSpec.KINDS);
    } else if (ACTIVATION_PCT.equals(name)) {
      problems.add(at, "'" + ACTIVATION_PCT + "' is built in; pick another name");
    } else {
      spec.validate(at, problems);
    }
  }
}
