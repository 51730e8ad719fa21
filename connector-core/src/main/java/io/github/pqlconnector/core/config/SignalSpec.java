package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.annotation.Required;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.problem.ConfigLists;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A signal: points when a metric is within bounds ({@code gte}/{@code lte}) or when any of the listed
 * events happened in the default window ({@code anyEvent}). {@code reason} is the sentence shown in the
 * CRM; {@code {value}} in it is replaced by the number, and the bound is appended ("(≥ 2,000)").
 */
public record SignalSpec(
    @Required
    @JsonPropertyDescription("The signal's name, shown to sales reps among the reasons.")
    @Nullable String name,
    @JsonPropertyDescription("The metric this signal checks (with gte and/or lte); or use anyEvent.")
    @Nullable String metric,
    @JsonPropertyDescription("Fires when the metric is at least this.")
    @Nullable Double gte,
    @JsonPropertyDescription("Fires when the metric is at most this.")
    @Nullable Double lte,
    @JsonPropertyDescription("Fires when any of these events happened in the model's window; instead of metric.")
    @Nullable List<String> anyEvent,
    @Required
    @JsonPropertyDescription("Points added to the score when it fires, 0-100.")
    @Nullable Integer points,
    @JsonPropertyDescription("Why it counts: usage, hand_raiser, limit_reached, engagement, self_serve or your own "
        + "word; becomes pql_type and can trigger tasks.")
    @Nullable String type,
    @JsonPropertyDescription("The levels it applies to; default both.")
    @Nullable List<EntityLevel> levels,
    @JsonPropertyDescription("The sentence shown in the CRM; {value} is replaced by the number and the bound is "
        + "appended.")
    @Nullable String reason) {

  public static final String DEFAULT_TYPE = "usage";

  public SignalSpec {
    type = type == null ? DEFAULT_TYPE : type;
    levels = levels == null ? List.of(EntityLevel.values()) : ConfigLists.copy(levels);
    anyEvent = anyEvent == null ? null : ConfigLists.copy(anyEvent);
  }

  public boolean appliesTo(EntityLevel level) {
    return levels.contains(level);
  }

  void validate(ConfigPath at, Problems problems, Set<String> metricNames) {
    if (name == null || name.isBlank()) {
      problems.add(at.child("name"), "is required (shown to sales reps as the reason)");
    }
    if (points == null) {
      problems.add(at.child("points"), "is required (0-100)");
    } else if (points < 0 || points > 100) {
      problems.add(at.child("points"), "must be between 0 and 100, was " + points);
    }
    if ((metric == null) == (anyEvent == null)) {
      problems.add(at, "needs exactly one of metric or anyEvent");
    } else if (metric != null) {
      validateMetricBounds(at, problems, metricNames);
    } else if (anyEvent.isEmpty()) {
      problems.add(at.child("anyEvent"), "must list at least one event");
    }
  }

  private void validateMetricBounds(ConfigPath at, Problems problems, Set<String> metricNames) {
    if (!metricNames.contains(metric)) {
      problems.add(at.child("metric"), "unknown metric '" + metric + "'"
          + Suggestions.didYouMean(metric, metricNames) + "; known: " + String.join(", ", metricNames.stream().sorted().toList()));
    }
    if (gte == null && lte == null && !problems.has(at.child("gte")) && !problems.has(at.child("lte"))) {
      problems.add(at, "needs gte or lte for metric '" + metric + "'");
    } else if (gte != null && lte != null && gte > lte) {
      problems.add(at.child("lte"), "must not be below gte");
    }
  }
}
