package io.github.pqlconnector.core.config;

import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import java.text.ParseException;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;

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

  static void validateCron(ConfigPath at, String cron, Problems problems) {
    try {
      new CronExpression(cron);
    } catch (ParseException e) {
      problems.add(at, "invalid cron expression \"" + cron + "\" (" + e.getMessage().trim()
          + ", position " + e.getErrorOffset() + "); Quartz cron has 6 or 7 fields, seconds first,"
          + " e.g. \"0 */30 * * * ?\"");
    }
  }
}
