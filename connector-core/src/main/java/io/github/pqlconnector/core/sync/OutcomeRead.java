package io.github.pqlconnector.core.sync;

import java.util.List;
import java.util.Locale;

/**
 * What one read of outcomes did: conversions read, and of all the sync keeps, how many are joined to an entity and
 * how many wait for the connector to write their record; rows the destination could not read, with samples.
 */
public record OutcomeRead(int read, long joined, long waiting, long rejected, List<String> rejectedSamples) {
  public OutcomeRead {
    rejectedSamples = List.copyOf(rejectedSamples);
  }

  /** One line for the run report and the CLI. */
  public String describe() {
    return String.format(Locale.US, "outcomes: read %,d conversions; %,d joined to entities, %,d not yet (their"
        + " records were not written by the connector)%s", read, joined, waiting,
        rejected == 0 ? "" : String.format(Locale.US, "; %,d rows rejected", rejected));
  }
}
