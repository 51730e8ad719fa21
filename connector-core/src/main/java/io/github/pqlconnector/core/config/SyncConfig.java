package io.github.pqlconnector.core.config;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One scheduled flow: read {@code source}, decide, write to {@code destination}, on a Quartz {@code cron}. */
public record SyncConfig(@Nullable String name, @Nullable String source, @Nullable String destination,
    @Nullable String cron) {

  void validate(ConfigPath at, Problems problems) {
    if (name == null || name.isBlank()) {
      problems.add(at.child("name"), "is required");
    }
    if (source == null) {
      problems.add(at.child("source"), "is required (a key under sources)");
    }
    if (destination == null) {
      problems.add(at.child("destination"), "is required (a key under destinations)");
    }
    if (cron != null) {
      validateCron(at.child("cron"), cron, problems);
    }
  }

  /** Range-checked field by field before Quartz (which reads some out-of-range values as "*"), and must fire. */
  static void validateCron(ConfigPath at, String cron, Problems problems) {
    CronCheck.problem(cron, Instant.now())
        .ifPresent(p -> problems.add(at, "invalid cron expression \"" + cron + "\": " + p));
  }
}
