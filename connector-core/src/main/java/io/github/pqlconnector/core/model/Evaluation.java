package io.github.pqlconnector.core.model;

import java.util.List;

/**
 * Everything the engine decided about one entity: the result written to the CRM, the state to remember,
 * the traits it saw, and the full working (every fit rule and every signal, met or missed) for
 * {@code explain}.
 */
public record Evaluation(PqlResult result, EntityState state, Traits traits,
    List<FitOutcome> fit, List<SignalOutcome> signals) {

  public Evaluation {
    fit = List.copyOf(fit);
    signals = List.copyOf(signals);
  }

  public EntityRef entity() {
    return result.entity();
  }
}
