package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.annotation.OneOf;
import io.github.pqlconnector.core.annotation.Required;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One scheduled flow: read {@code source}, decide, write to {@code destination}, on a Quartz {@code cron}.
 * {@code reconcile} ({@code daily}, {@code weekly} or {@code never}, the default) is how often a run first reads the
 * PQL fields back from the CRM and repairs records someone overwrote. {@code traits} names the sources the traits
 * come from, in priority order (each trait from the first that has it); without it, the event source's.
 */
public record SyncConfig(
    @Required
    @JsonPropertyDescription("The sync's name, used by --sync, the console and the run history.")
    @Nullable String name,
    @Required
    @JsonPropertyDescription("The key under sources whose events are decided.")
    @Nullable String source,
    @Required
    @JsonPropertyDescription("The key under destinations the verdicts are written to.")
    @Nullable String destination,
    @JsonPropertyDescription("Quartz cron expression (6 or 7 fields, seconds first) for pql serve; without it the "
        + "sync runs only when asked.")
    @Nullable String cron,
    @OneOf({"daily", "weekly", "never"})
    @JsonPropertyDescription("How often a run first reads the PQL fields back from the CRM and repairs records "
        + "someone overwrote.")
    @Nullable String reconcile,
    @JsonPropertyDescription("Where traits come from, in priority order (sources, or this sync's destination for its "
        + "CRM fields); default: the event source.")
    @Nullable List<String> traits) {

  /** Keeps the five-part constructor of syncs without the {@code traits} key. */
  public SyncConfig(@Nullable String name, @Nullable String source, @Nullable String destination,
      @Nullable String cron, @Nullable String reconcile) {
    this(name, source, destination, cron, reconcile, null);
  }

  /** Where traits come from, in priority order: {@code traits}, else the event source alone. */
  public List<String> traitSources() {
    return traits == null || traits.isEmpty() ? (source == null ? List.of() : List.of(source)) : traits;
  }

  /** The allowed {@code reconcile} values and their periods (never: none). */
  public static final Map<String, Optional<Duration>> RECONCILE_PERIODS = reconcilePeriods();

  /** Keeps the four-part constructor of syncs without the {@code reconcile} key. */
  public SyncConfig(@Nullable String name, @Nullable String source, @Nullable String destination,
      @Nullable String cron) {
    this(name, source, destination, cron, null);
  }

  /** How old the last reconciliation may get before a run reconciles again; empty for {@code never}. */
  public Optional<Duration> reconcilePeriod() {
    return RECONCILE_PERIODS.getOrDefault(reconcile == null ? "never" : reconcile, Optional.empty());
  }

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
    if (reconcile != null && !RECONCILE_PERIODS.containsKey(reconcile)) {
      problems.add(at.child("reconcile"), "unknown value \"" + reconcile + "\"; expected one of: "
          + String.join(", ", RECONCILE_PERIODS.keySet()));
    }
  }

  private static Map<String, Optional<Duration>> reconcilePeriods() {
    Map<String, Optional<Duration>> periods = new LinkedHashMap<>();
    periods.put("daily", Optional.of(Duration.ofDays(1)));
    periods.put("weekly", Optional.of(Duration.ofDays(7)));
    periods.put("never", Optional.empty());
    return java.util.Collections.unmodifiableMap(periods);
  }

  /** Range-checked field by field before Quartz (which reads some out-of-range values as "*"), and must fire. */
  static void validateCron(ConfigPath at, String cron, Problems problems) {
    CronCheck.problem(cron, Instant.now())
        .ifPresent(p -> problems.add(at, "invalid cron expression \"" + cron + "\": " + p));
  }
}
