package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.problem.ConfigLists;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The activation checklist: milestone events; activation % is steps done / steps total, 0–100. */
public record ActivationSpec(
    @JsonPropertyDescription("Milestone event names; activation_pct is the share of them seen in the window, 0-100.")
    @Nullable List<String> steps) {
  public static final int MAX_STEPS = 64;

  public ActivationSpec {
    steps = ConfigLists.copy(steps);
  }

  public static ActivationSpec none() {
    return new ActivationSpec(null);
  }

  void validate(ConfigPath at, Problems problems) {
    if (steps.size() > MAX_STEPS) {
      problems.add(at.child("steps"), "has " + steps.size() + " steps; at most " + MAX_STEPS);
    }
    if (new HashSet<>(steps).size() != steps.size()) {
      problems.add(at.child("steps"), "lists a step twice");
    }
  }
}
