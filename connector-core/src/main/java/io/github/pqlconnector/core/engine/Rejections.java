package io.github.pqlconnector.core.engine;

import java.util.ArrayList;
import java.util.List;

/** Counts records that could not be read and keeps the first few, with where they were, for the run report. */
public final class Rejections {
  public static final int SAMPLES = 10;

  /** One bad record: where it was ({@code events.jsonl:1042}) and what was wrong. */
  public record Sample(String location, String problem) {}

  private final List<Sample> samples = new ArrayList<>();
  private long count;

  public synchronized void add(String location, String problem) {
    count++;
    if (samples.size() < SAMPLES) {
      samples.add(new Sample(location, problem));
    }
  }

  public synchronized long count() {
    return count;
  }

  public synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }
}
