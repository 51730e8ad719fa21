package io.github.pqlconnector.app.scheduler;

import java.util.List;

/** Which syncs a (re)load added, removed, and re-timed. */
public record ScheduleChanges(List<String> added, List<String> removed, List<String> changed) {
  public ScheduleChanges {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }
}
