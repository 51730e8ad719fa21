package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.engine.Rejections;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a person needs to see after a run besides counts: samples of unreadable input with their
 * locations, entities that could not be matched or had no match key, per-record failures of this run, the
 * records and tasks still refused after it (with their first refusal, attempts and next attempt), and what the
 * destination said about its own work ({@code destinationNotes}, e.g. the size of an index it keeps; absent in older
 * history).
 */
public record RunReport(List<Rejections.Sample> rejectedSamples, List<String> unmatchedSamples,
    List<String> noMatchKeySamples, List<String> failureSamples, List<StillFailing> stillFailing,
    List<String> destinationNotes) {

  public static final int SAMPLES = 20;

  /**
   * A record ({@code what} = "record") or follow-up task ("task") refused for good and not written since:
   * tried again at {@code nextAttemptAt} (null: on the next run), after {@code pql setup}, a destination config
   * change, or {@code pql retry}.
   */
  public record StillFailing(String entity, String what, @Nullable Instant firstFailedAt, int attempts,
      @Nullable Instant nextAttemptAt, @Nullable String lastError) {}

  public RunReport {
    rejectedSamples = List.copyOf(rejectedSamples);
    unmatchedSamples = List.copyOf(unmatchedSamples);
    noMatchKeySamples = List.copyOf(noMatchKeySamples);
    failureSamples = List.copyOf(failureSamples);
    destinationNotes = destinationNotes == null ? List.of() : List.copyOf(destinationNotes);
    stillFailing = stillFailing == null ? List.of() : List.copyOf(stillFailing);
  }

  public RunReport(List<Rejections.Sample> rejectedSamples, List<String> unmatchedSamples,
      List<String> noMatchKeySamples, List<String> failureSamples) {
    this(rejectedSamples, unmatchedSamples, noMatchKeySamples, failureSamples, List.of(), List.of());
  }
}
