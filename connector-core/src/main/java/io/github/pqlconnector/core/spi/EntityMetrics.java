package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.model.EntityRef;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The pushed-down values of one entity: {@code values} by {@link PushedMetric#id()} (a metric without a value,
 * like first-seen with no event, is absent), the activation steps done, and for a user what its events said
 * about it: the email and the account id of its latest event in the range that carried one (latest as
 * {@link PushdownRequest} defines it).
 */
public record EntityMetrics(EntityRef entity, Map<String, Double> values, Set<String> stepsDone,
    @Nullable String email, @Nullable String accountFromEvents) {
  public EntityMetrics {
    values = Map.copyOf(values);
    stepsDone = Set.copyOf(stepsDone);
  }
}
