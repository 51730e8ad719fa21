package io.github.pqlconnector.app.admin;

import java.util.List;

/**
 * The result of a reload: applied (with the syncs added, removed and re-timed), or rejected with the new
 * file's problems as {@code path: message at line N} while the old schedules keep running.
 */
public record ReloadOutcome(boolean applied, List<String> problems, List<String> added, List<String> removed,
    List<String> changed) {

  public ReloadOutcome {
    problems = List.copyOf(problems);
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  public static ReloadOutcome rejected(List<String> problems) {
    return new ReloadOutcome(false, problems, List.of(), List.of(), List.of());
  }
}
