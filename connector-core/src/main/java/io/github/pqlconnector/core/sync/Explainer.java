package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.config.SyncConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.EntityState;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.state.EntityStateDao;
import io.github.pqlconnector.core.state.StateStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One entity evaluated with the full working, as {@code pql explain} prints it and the admin console's entity page
 * shows it: reads the sync's source whole (as a run over a file does) from the state's remembered verdicts, and says
 * where each trait came from. Writes nothing.
 */
public final class Explainer {
  private final PqlConfig config;
  private final StateStore store;
  private final Connectors connectors;
  private final CompiledModel model;

  /**
   * The entity's evaluation and each trait's origin: one of the sync's {@code traits:} sources, else its source.
   * {@code known}: a run decided it before, or the source has traits or activity for it (else the engine only assumed
   * it, with every metric 0).
   */
  public record Explained(Evaluation evaluation, Map<String, String> origins, boolean known) {}

  public Explainer(PqlConfig config, StateStore store, Connectors connectors, CompiledModel model) {
    this.config = config;
    this.store = store;
    this.connectors = connectors;
    this.model = model;
  }

  /**
   * The entities with {@code id} (a user and an account may share one), of {@code level} when given; a given level
   * is evaluated even when the source has nothing for it.
   */
  public List<Explained> explain(SyncConfig sync, String id, @Nullable EntityLevel level, Instant now) {
    Map<EntityRef, EntityState> prior = store.read(c -> new EntityStateDao().load(c, sync.name()));
    List<EntityRef> candidates = level != null ? List.of(new EntityRef(level, id)) : List.of();
    try (AnalyticsSource source = connectors.syncSource(config, sync)) {
      EvaluationStep step = EvaluationStep.withFullWorking(model);
      return step.run(source, prior, candidates, now, null, Progress.NONE).evaluations().stream()
          .filter(e -> e.entity().id().equals(id) && (level == null || e.entity().level() == level))
          .map(e -> new Explained(e, origins(source, sync, e), known(e, prior))).toList();
    }
  }

  private static boolean known(Evaluation e, Map<EntityRef, EntityState> prior) {
    return prior.containsKey(e.entity()) || !e.traits().values().isEmpty()
        || e.result().metrics().values().stream().anyMatch(value -> value != 0);
  }

  private static Map<String, String> origins(AnalyticsSource source, SyncConfig sync, Evaluation e) {
    if (source instanceof LayeredTraits layered) {
      return layered.origins(e.entity());
    }
    Map<String, String> origins = new TreeMap<>();
    e.traits().values().keySet().forEach(trait -> origins.put(trait, sync.source()));
    return origins;
  }
}
