package io.github.pqlconnector.core.engine;

import io.github.pqlconnector.core.config.ModelConfig;
import io.github.pqlconnector.core.config.SignalSpec;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.EntityState;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.FitOutcome;
import io.github.pqlconnector.core.model.MetricValues;
import io.github.pqlconnector.core.model.PqlResult;
import io.github.pqlconnector.core.model.SignalOutcome;
import io.github.pqlconnector.core.model.Traits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.SortedSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Pure and deterministic: from aggregates, remembered states and "now" it decides every entity — metrics,
 * fit, signals, score, status and reasons. Same input, same output; no I/O. With {@code fullWorking} every
 * evaluation also keeps the signals that did not fire, worded for {@code explain}, and the fit rules that passed;
 * without it only the fired signals and the failed rules, which keeps a run over many entities small.
 */
public final class PqlEngine {
  private final ModelConfig model;
  private final boolean fullWorking;
  private final FitEvaluator fit = new FitEvaluator();
  private final SignalEvaluator signals;
  private final StatusPolicy statuses;
  private final Map<Object, Object> distinct = new HashMap<>();

  public PqlEngine(CompiledModel compiled, boolean fullWorking) {
    this.model = compiled.config();
    this.fullWorking = fullWorking;
    this.signals = new SignalEvaluator(model);
    this.statuses = new StatusPolicy(model);
  }

  /**
   * Every entity of the model's levels seen in the aggregates, plus {@code alsoKnown} (entities decided
   * before, so a verdict clears when activity stops), accounts first, each sorted by id.
   */
  public List<Evaluation> evaluateAll(Aggregates aggregates, Collection<EntityRef> alsoKnown,
      Function<EntityRef, EntityState> prior, Instant now) {
    List<Evaluation> all = new ArrayList<>();
    Map<String, List<FitOutcome>> accountFit = new HashMap<>();
    for (EntityLevel level : List.of(EntityLevel.ACCOUNT, EntityLevel.USER)) {
      if (model.levels().contains(level)) {
        SortedSet<EntityRef> entities = aggregates.entities(level);
        alsoKnown.stream().filter(e -> e.level() == level).forEach(entities::add);
        for (EntityRef entity : entities) {
          all.add(evaluate(entity, aggregates, prior.apply(entity), now, accountFit));
        }
      }
    }
    return all;
  }

  /** One entity, as {@code explain} shows it. */
  public Evaluation evaluate(EntityRef entity, Aggregates aggregates, EntityState prior, Instant now) {
    return evaluate(entity, aggregates, prior, now, new HashMap<>());
  }

  private Evaluation evaluate(EntityRef entity, Aggregates aggregates, EntityState prior, Instant now,
      Map<String, List<FitOutcome>> accountFitCache) {
    Traits traits = aggregates.traitsOf(entity);
    List<FitOutcome> fitOutcomes = new ArrayList<>(fit.check(model.fit().rules(entity.level()), entity.level(), traits));
    if (entity.level() == EntityLevel.USER) {
      String account = aggregates.accountOf(entity.id());
      if (account != null && !model.fit().account().isEmpty()) {
        fitOutcomes.addAll(accountFitCache.computeIfAbsent(account, id -> fit.check(model.fit().account(),
            EntityLevel.ACCOUNT, aggregates.traitsOf(EntityRef.account(id)))));
      }
    }
    Map<String, Double> metrics = shared(MetricValues.copyOf(aggregates.metricValues(entity)));
    List<SignalOutcome> outcomes = evaluateSignals(entity, aggregates, metrics);
    List<SignalOutcome> fired = outcomes.stream().filter(SignalOutcome::fired)
        .sorted(Comparator.comparingInt(SignalOutcome::points).reversed()).toList();
    int score = Math.min(100, fired.stream().mapToInt(SignalOutcome::points).sum());
    boolean fitOk = fitOutcomes.stream().allMatch(FitOutcome::passed);
    Set<String> firedTypes = new LinkedHashSet<>();
    fired.forEach(s -> firedTypes.add(s.type()));
    StatusPolicy.Decision decision = statuses.decide(fitOk, score, prior, firedTypes, now);
    List<String> reasons = reasons(entity.level(), fitOutcomes, fired, decision.holdReason());
    String primaryType = fired.isEmpty() ? null : fired.get(0).type();
    PqlResult result = new PqlResult(entity, score, decision.state().status(), primaryType, reasons,
        metrics.get(ModelConfig.ACTIVATION_PCT), metrics, decision.state().qualifiedAt(), now);
    List<FitOutcome> kept = fullWorking ? fitOutcomes : failed(fitOutcomes);
    return new Evaluation(result, decision.state(), traits, kept, outcomes);
  }

  /** Without the full working a verdict keeps only the fit rules that failed, as it keeps only the signals that fired. */
  private static List<FitOutcome> failed(List<FitOutcome> outcomes) {
    return outcomes.stream().allMatch(FitOutcome::passed) ? List.of()
        : outcomes.stream().filter(o -> !o.passed()).toList();
  }

  private List<SignalOutcome> evaluateSignals(EntityRef entity, Aggregates aggregates, Map<String, Double> metrics) {
    List<SignalOutcome> outcomes = new ArrayList<>();
    for (SignalSpec signal : model.signals()) {
      if (!signal.appliesTo(entity.level())) {
        continue;
      }
      SignalEvaluator.Outcome outcome = signal.anyEvent() != null
          ? signals.evaluateAnyEvent(signal, aggregates.anyEventCount(entity, signal), fullWorking)
          : signals.evaluateMetric(signal, metrics, fullWorking);
      if (!outcome.fired() && !fullWorking) {
        continue;
      }
      outcomes.add(shared(new SignalOutcome(signal.name(), signal.type(), signal.points(), outcome.fired(),
          shared(outcome.text()))));
    }
    return shared(List.copyOf(outcomes));
  }

  /**
   * One instance per distinct value: reason texts ("Sent 2,500 messages", "Account not a fit: …"), signal outcomes,
   * the lists of them and metric values (a cold user's zeros) repeat across entities, and every verdict of a run holds its own. All immutable. Per
   * engine, so it goes with the run (or the backtest replay) it serves.
   */
  @SuppressWarnings("unchecked")
  private <T> T shared(T value) {
    Object known = distinct.putIfAbsent(value, value);
    return known == null ? value : (T) known;
  }

  private List<String> reasons(EntityLevel level, List<FitOutcome> fitOutcomes,
      List<SignalOutcome> fired, String holdReason) {
    List<String> reasons = new ArrayList<>();
    for (FitOutcome outcome : fitOutcomes) {
      if (!outcome.passed()) {
        String whose = outcome.level() == level ? "Not a fit: " : "Account not a fit: ";
        reasons.add(shared(whose + outcome.explanation()));
      }
    }
    if (holdReason != null) {
      reasons.add(holdReason);
    }
    fired.forEach(s -> reasons.add(s.explanation()));
    return shared(List.copyOf(reasons));
  }
}
