package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.EntityState;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.PqlResult;
import io.github.pqlconnector.core.spi.Capabilities;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.TaskDao;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Diffs verdicts against what the CRM last confirmed and what is already queued: only records whose
 * CRM-facing fields changed are queued, a queued identical verdict is left alone (a refused or unmatched one
 * too: it keeps its next attempt, see {@link Retries}), and entity states and task intents are collected for the
 * same transaction.
 */
final class ChangeDetector {
  private final Payloads payloads;
  private final Capabilities capabilities;
  private final TaskPlanner tasks;

  ChangeDetector(Payloads payloads, Capabilities capabilities, TaskPlanner tasks) {
    this.payloads = payloads;
    this.capabilities = capabilities;
    this.tasks = tasks;
  }

  /** Everything one run must write before any destination call. */
  /** {@code verdicts}: the states whose status or score changed (or that were seen for the first time). */
  record Changes(List<OutboxDao.Row> updates, List<TaskDao.Row> tasks, Map<EntityRef, EntityState> states,
      Map<EntityRef, VerdictHistoryDao.Verdict> verdicts, Map<String, Integer> byStatus, int unchanged, int noMatchKey,
      List<String> noMatchKeySamples) {}

  Changes detect(List<Evaluation> evaluations, Map<EntityRef, String> pushed,
      Map<EntityRef, OutboxDao.Mark> queued, Map<EntityRef, EntityState> prior) {
    List<OutboxDao.Row> updates = new ArrayList<>();
    List<TaskDao.Row> taskRows = new ArrayList<>();
    Map<EntityRef, EntityState> states = new HashMap<>();
    Map<EntityRef, VerdictHistoryDao.Verdict> verdicts = new HashMap<>();
    Map<String, Integer> byStatus = new TreeMap<>();
    List<String> noKeySamples = new ArrayList<>();
    int unchanged = 0;
    int noKey = 0;
    for (Evaluation evaluation : evaluations) {
      EntityRef entity = evaluation.entity();
      EntityState before = remember(evaluation, prior.get(entity), states, verdicts);
      byStatus.merge(evaluation.result().status().id(), 1, Integer::sum);
      Optional<MatchKey> key = MatchKeys.of(evaluation.traits(), capabilities.matchTrait(entity.level()));
      if (key.isEmpty()) {
        noKey++;
        if (noKeySamples.size() < RunReport.SAMPLES) {
          noKeySamples.add(entity + " has no " + capabilities.matchTrait(entity.level()));
        }
        continue;
      }
      tasks.plan(evaluation, before, key.get()).ifPresent(taskRows::add);
      PqlFields fields = PqlFields.of(evaluation.result());
      String hash = payloads.hash(key.get(), fields);
      OutboxDao.Mark mark = queued.get(entity);
      if (hash.equals(pushed.get(entity)) && (mark == null || mark.hash().equals(hash))) {
        unchanged++;
      } else if (mark == null || !mark.hash().equals(hash)) {
        String payload = payloads.write(new Payloads.UpdatePayload(key.get(), fields));
        updates.add(new OutboxDao.Row(entity, hash, payload, OutboxDao.State.PENDING, 0));
      }
    }
    return new Changes(updates, taskRows, states, verdicts, byStatus, unchanged, noKey, noKeySamples);
  }

  /**
   * Collects the entity's state to save when it changed, and its verdict for the history when the status or score
   * changed or the entity is seen for the first time (so it is saved then too); returns the prior state.
   */
  private static EntityState remember(Evaluation evaluation, @Nullable EntityState before,
      Map<EntityRef, EntityState> states, Map<EntityRef, VerdictHistoryDao.Verdict> verdicts) {
    EntityState now = evaluation.state();
    if (before == null || now.verdictDiffers(before)) {
      PqlResult result = evaluation.result();
      verdicts.put(evaluation.entity(), new VerdictHistoryDao.Verdict(result.status(), result.score(),
          result.primaryType(), result.activationPct()));
    }
    if (!now.equals(before)) {
      states.put(evaluation.entity(), now);
    }
    return before == null ? EntityState.NEW : before;
  }
}
