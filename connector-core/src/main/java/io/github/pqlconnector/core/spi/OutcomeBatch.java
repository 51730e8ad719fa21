package io.github.pqlconnector.core.spi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one read of outcomes gave: the conversions, the cursor the next read starts from (null: read from the start
 * again), and the rows that could not be read ({@code file:line problem}, the first {@link #SAMPLES}) with their count.
 */
public record OutcomeBatch(List<Outcome> outcomes, @Nullable String cursor, long rejected,
    List<String> rejectedSamples) {
  public static final int SAMPLES = 10;

  public OutcomeBatch {
    outcomes = List.copyOf(outcomes);
    rejectedSamples = List.copyOf(rejectedSamples);
  }

  public static OutcomeBatch of(List<Outcome> outcomes, @Nullable String cursor) {
    return new OutcomeBatch(outcomes, cursor, 0, List.of());
  }
}
