package io.github.pqlconnector.app.admin;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A cron as the console shows it: whether it is valid (and why not), in words, and its next fires in UTC. */
public record CronPreview(boolean valid, @Nullable String problem, String words, List<Instant> nextFires) {
  public CronPreview {
    nextFires = List.copyOf(nextFires);
  }

  public static CronPreview invalid(String problem) {
    return new CronPreview(false, problem, "", List.of());
  }
}
