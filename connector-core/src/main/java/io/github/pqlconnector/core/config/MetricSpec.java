package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One metric of the model: exactly one kind ({@code count}, {@code sum}, {@code distinct},
 * {@code activeDays}, {@code distinctUsers}, {@code firstSeen}, {@code lastSeen}) and an optional window
 * that replaces the model's default. Event names may be {@code "*"} for any event.
 */
public record MetricSpec(
    @JsonPropertyDescription("Number of events with this name (\"*\": any event).")
    @Nullable String count,
    @JsonPropertyDescription("Sum of a numeric event property; other values count as 0.")
    @Nullable EventProperty sum,
    @JsonPropertyDescription("Number of distinct values of an event property.")
    @Nullable EventProperty distinct,
    @JsonPropertyDescription("Distinct UTC days with an event of this name (\"*\": any event).")
    @Nullable String activeDays,
    @JsonPropertyDescription("Distinct users with an event of this name (\"*\": any event), for accounts.")
    @Nullable String distinctUsers,
    @JsonPropertyDescription("Whole days since the first event of this name in the window (0: within the last 24 h).")
    @Nullable String firstSeen,
    @JsonPropertyDescription("Whole days since the last event of this name in the window (0: within the last 24 h).")
    @Nullable String lastSeen,
    @JsonPropertyDescription("This metric's own window instead of the model's, in whole UTC days.")
    @Nullable Duration window) {

  static final String KINDS = "count, sum, distinct, activeDays, distinctUsers, firstSeen, lastSeen";

  /** The kinds that were set, by their YAML key. */
  public List<String> kinds() {
    List<String> set = new ArrayList<>();
    addIf(set, count, "count");
    addIf(set, sum, "sum");
    addIf(set, distinct, "distinct");
    addIf(set, activeDays, "activeDays");
    addIf(set, distinctUsers, "distinctUsers");
    addIf(set, firstSeen, "firstSeen");
    addIf(set, lastSeen, "lastSeen");
    return set;
  }

  private static void addIf(List<String> set, @Nullable Object value, String key) {
    if (value != null) {
      set.add(key);
    }
  }

  void validate(ConfigPath at, Problems problems) {
    List<String> kinds = kinds();
    if (kinds.isEmpty()) {
      problems.add(at, "needs one of " + KINDS);
    } else if (kinds.size() > 1) {
      problems.add(at, "has " + String.join(" and ", kinds) + "; a metric has exactly one kind");
    }
    if (sum != null) {
      sum.validate(at.child("sum"), problems);
    }
    if (distinct != null) {
      distinct.validate(at.child("distinct"), problems);
    }
    if (window != null && window.isZero()) {
      problems.add(at.child("window"), "must be longer than 0");
    }
  }
}
