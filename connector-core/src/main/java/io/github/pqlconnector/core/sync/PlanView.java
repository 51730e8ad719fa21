package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.EntityState;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.spi.TaskPolicy;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.TaskDao;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a diff into the dry-run answer {@code pql plan} and the admin console's preview show. */
final class PlanView {
  private PlanView() {}

  static PlanResult of(EvaluationStep.Evaluated evaluated, ChangeDetector.Changes changes, Payloads payloads,
      Map<EntityRef, EntityState> prior, TaskPolicy policy) {
    Set<EntityRef> changed = changes.updates().stream().map(OutboxDao.Row::entity).collect(Collectors.toSet());
    List<Evaluation> wouldWrite = evaluated.evaluations().stream().filter(e -> changed.contains(e.entity())).toList();
    List<PlanResult.Task> tasks = changes.tasks().stream().map(t -> task(t, payloads, policy)).toList();
    RunCounts counts = new RunCounts(evaluated.eventsRead(), evaluated.rejections().count(),
        evaluated.evaluations().size(), changes.byStatus(), changes.updates().size(), changes.unchanged(),
        changes.noMatchKey(), 0, 0, 0, tasks.size(), 0, 0, 0, 0, 0, 0);
    RunReport report = new RunReport(evaluated.rejections().samples(), List.of(), changes.noMatchKeySamples(), List.of());
    return new PlanResult(counts, wouldWrite, tasks, report, Transitions.count(evaluated.evaluations(), prior),
        Transitions.priorStatus(wouldWrite, prior));
  }

  /** The owner is known before the CRM is asked only when tasks go to the configured default owner. */
  private static PlanResult.Task task(TaskDao.Row row, Payloads payloads, TaskPolicy policy) {
    String title = payloads.read(row.payload(), Payloads.TaskPayload.class).subject();
    String owner = "default".equals(policy.owner()) ? policy.defaultOwnerId() : null;
    return new PlanResult.Task(row.entity(), row.trigger(), owner, title);
  }
}
