package io.github.pqlconnector.core.config;

import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import org.jspecify.annotations.Nullable;

/** Score thresholds: {@code pql} and above is a PQL, {@code warm} and above is warm, the rest cold. */
public record Tiers(@Nullable Integer pql, @Nullable Integer warm) {
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
