package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Evaluation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A dry run: the counts a run would have, the records it would write, the tasks it would open, how many entities
 * would move from one status to another, and each written record's status before (see {@link #from}).
 */
public record PlanResult(RunCounts counts, List<Evaluation> wouldWrite, List<Task> tasks, RunReport report,
    List<Transition> transitions, Map<EntityRef, String> priorStatus) {

  /** What {@link #from} answers for an entity without a stored state: it has not been decided before. */
  public static final String NEW = "new";

  /** {@code count} entities whose status would change from {@code from} (a status id or {@link #NEW}) to {@code to}. */
  public record Transition(String from, String to, int count) {}

  /**
   * A task the run would open: {@code owner} is the configured default owner when tasks go to it; null when it is
   * the record's owner, which only the CRM knows.
   */
  public record Task(EntityRef entity, String trigger, @Nullable String owner, String title) {}

  public PlanResult {
    wouldWrite = List.copyOf(wouldWrite);
    tasks = List.copyOf(tasks);
    transitions = List.copyOf(transitions);
    priorStatus = Map.copyOf(priorStatus);
  }

  /** The titles of the tasks the run would open, in order. */
  public List<String> wouldOpenTasks() {
    return tasks.stream().map(Task::title).toList();
  }

  /** The entity's status before the run: a status id, or {@link #NEW}. */
  public String from(EntityRef entity) {
    return priorStatus.getOrDefault(entity, NEW);
  }
}
