package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.sync.PlanResult;
import io.github.pqlconnector.core.sync.RunCounts;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A dry run of a sync as the admin console shows it ({@code pql plan}'s answer): when DONE, the status transitions
 * (most frequent first), the first records it would write (highest score first), the first tasks it would open, the
 * counts and how long it took. BUSY: another preview is computing on this node (one at a time: it reads the whole
 * source). FAILED: the source or destination could not be read; {@code message} says why.
 */
public record PlanPreview(Outcome outcome, List<PlanResult.Transition> transitions, List<Record> records,
    List<PlanResult.Task> tasks, @Nullable RunCounts counts, Duration elapsed, @Nullable String message) {

  public enum Outcome { DONE, NO_SUCH_SYNC, BUSY, FAILED }

  /**
   * A record the run would write: its status before ({@code new} when never decided) and after, score, strongest
   * signal type and its first reasons.
   */
  public record Record(String level, String id, String from, String to, int score, @Nullable String type,
      List<String> reasons) {
    public Record {
      reasons = List.copyOf(reasons);
    }
  }

  public PlanPreview {
    transitions = List.copyOf(transitions);
    records = List.copyOf(records);
    tasks = List.copyOf(tasks);
  }

  /** An outcome without a plan: NO_SUCH_SYNC or BUSY. */
  public static PlanPreview of(Outcome outcome) {
    return new PlanPreview(outcome, List.of(), List.of(), List.of(), null, Duration.ZERO, null);
  }

  public static PlanPreview failed(String message, Duration elapsed) {
    return new PlanPreview(Outcome.FAILED, List.of(), List.of(), List.of(), null, elapsed, message);
  }
}
