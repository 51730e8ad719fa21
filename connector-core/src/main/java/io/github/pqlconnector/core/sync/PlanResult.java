package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.Evaluation;
import java.util.List;

/** A dry run: the counts a run would have, the records it would write, the tasks it would open. */
public record PlanResult(RunCounts counts, List<Evaluation> wouldWrite, List<String> wouldOpenTasks,
    RunReport report) {

  public PlanResult {
    wouldWrite = List.copyOf(wouldWrite);
    wouldOpenTasks = List.copyOf(wouldOpenTasks);
  }
}
