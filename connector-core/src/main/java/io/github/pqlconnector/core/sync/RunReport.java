package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.engine.Rejections;
import java.util.List;

/**
 * What a person needs to see after a run besides counts: samples of unreadable input with their
 * locations, entities that could not be matched or had no match key, per-record failures, and what the destination
 * said about its own work ({@code destinationNotes}, e.g. the size of an index it keeps; absent in older history).
 */
public record RunReport(List<Rejections.Sample> rejectedSamples, List<String> unmatchedSamples,
    List<String> noMatchKeySamples, List<String> failureSamples, List<String> destinationNotes) {

  public static final int SAMPLES = 20;

  public RunReport {
    rejectedSamples = List.copyOf(rejectedSamples);
    unmatchedSamples = List.copyOf(unmatchedSamples);
    noMatchKeySamples = List.copyOf(noMatchKeySamples);
    failureSamples = List.copyOf(failureSamples);
    destinationNotes = destinationNotes == null ? List.of() : List.copyOf(destinationNotes);
  }

  public RunReport(List<Rejections.Sample> rejectedSamples, List<String> unmatchedSamples,
      List<String> noMatchKeySamples, List<String> failureSamples) {
    this(rejectedSamples, unmatchedSamples, noMatchKeySamples, failureSamples, List.of());
  }
}
