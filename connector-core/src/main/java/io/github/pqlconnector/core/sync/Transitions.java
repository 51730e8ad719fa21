package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.EntityState;
import io.github.pqlconnector.core.model.Evaluation;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Counts how many evaluated entities would move from their stored status to a new one, for a dry run: an entity
 * without a stored state comes from {@link PlanResult#NEW}; one whose status stays is not a transition.
 */
final class Transitions {
  private Transitions() {}

  /** The transitions, the most frequent first (then by from and to, so the order is stable). */
  static List<PlanResult.Transition> count(List<Evaluation> evaluations, Map<EntityRef, EntityState> prior) {
    Map<List<String>, Integer> counts = new HashMap<>();
    for (Evaluation evaluation : evaluations) {
      String from = from(prior.get(evaluation.entity()));
      String to = evaluation.result().status().id();
      if (!from.equals(to)) {
        counts.merge(List.of(from, to), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .map(e -> new PlanResult.Transition(e.getKey().get(0), e.getKey().get(1), e.getValue()))
        .sorted(Comparator.comparingInt(PlanResult.Transition::count).reversed()
            .thenComparing(PlanResult.Transition::from).thenComparing(PlanResult.Transition::to))
        .toList();
  }

  /** The stored statuses of {@code entities}: only those that have one. */
  static Map<EntityRef, String> priorStatus(List<Evaluation> entities, Map<EntityRef, EntityState> prior) {
    Map<EntityRef, String> statuses = new HashMap<>();
    for (Evaluation evaluation : entities) {
      EntityState state = prior.get(evaluation.entity());
      if (state != null) {
        statuses.put(evaluation.entity(), state.status().id());
      }
    }
    return statuses;
  }

  private static String from(@Nullable EntityState state) {
    return state == null ? PlanResult.NEW : state.status().id();
  }
}
