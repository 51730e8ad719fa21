package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import org.jspecify.annotations.Nullable;

/** Score thresholds: {@code pql} and above is a PQL, {@code warm} and above is warm, the rest cold. */
public record Tiers(
    @JsonPropertyDescription("A score at or above this is pql, 1-100.")
    @Nullable Integer pql,
    @JsonPropertyDescription("A score at or above this (and below pql) is warm; the rest is cold.")
    @Nullable Integer warm) {
  public Tiers {
    pql = pql == null ? 70 : pql;
    warm = warm == null ? 40 : warm;
  }

  public static Tiers defaults() {
    return new Tiers(null, null);
  }

  void validate(ConfigPath at, Problems problems) {
    if (pql < 1 || pql > 100) {
      problems.add(at.child("pql"), "must be between 1 and 100, was " + pql);
    }
    if (warm < 0 || warm >= pql) {
      problems.add(at.child("warm"), "must be at least 0 and below pql (" + pql + "), was " + warm);
    }
  }
}
