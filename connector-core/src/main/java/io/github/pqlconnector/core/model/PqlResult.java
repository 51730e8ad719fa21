package io.github.pqlconnector.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The engine's verdict on one entity. {@code reasons} are ordered (strongest first) and carry their
 * numbers; {@code qualifiedAt} is the start of the current PQL episode and is null unless the status is
 * {@code pql}; {@code metrics} holds every metric value that had data.
 */
public record PqlResult(EntityRef entity, int score, PqlStatus status, @Nullable String primaryType,
    List<String> reasons, double activationPct, Map<String, Double> metrics,
    @Nullable Instant qualifiedAt, Instant evaluatedAt) {

  public PqlResult {
    reasons = List.copyOf(reasons);
    metrics = MetricValues.copyOf(metrics);
  }
}
