package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.state.OutboxDao;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a diff into the dry-run answer {@code pql plan} prints. */
final class PlanView {
  private PlanView() {}

  static PlanResult of(EvaluationStep.Evaluated evaluated, ChangeDetector.Changes changes, Payloads payloads) {
    Set<EntityRef> changed = changes.updates().stream().map(OutboxDao.Row::entity).collect(Collectors.toSet());
    List<Evaluation> wouldWrite = evaluated.evaluations().stream().filter(e -> changed.contains(e.entity())).toList();
    List<String> tasks = changes.tasks().stream()
        .map(t -> payloads.read(t.payload(), Payloads.TaskPayload.class).subject()).toList();
    RunCounts counts = new RunCounts(evaluated.eventsRead(), evaluated.rejections().count(),
        evaluated.evaluations().size(), changes.byStatus(), changes.updates().size(), changes.unchanged(),
        changes.noMatchKey(), 0, 0, 0, tasks.size(), 0, 0, 0, 0, 0, 0);
    RunReport report = new RunReport(evaluated.rejections().samples(), List.of(), changes.noMatchKeySamples(), List.of());
    return new PlanResult(counts, wouldWrite, tasks, report);
  }
}
