package io.github.pqlconnector.core.model;

import java.util.List;

/**
 * Everything the engine decided about one entity: the result written to the CRM, the state to remember,
 * the traits it saw, every fit rule checked, and the signals: the ones that fired, plus (when evaluated for
 * {@code explain}) the ones that did not, saying what they needed.
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
