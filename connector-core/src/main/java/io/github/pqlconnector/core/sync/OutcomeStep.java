package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.error.SourceException;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.spi.OutcomeBatch;
import io.github.pqlconnector.core.spi.OutcomeReader;
import io.github.pqlconnector.core.state.OutcomeDao;
import io.github.pqlconnector.core.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads who converted from the destination, from where the last read stopped (the first read goes back as far as the
 * verdict history does), and keeps the conversions joined to the entities. The cursor moves only with its rows, in
 * one transaction, so a failed read is simply repeated.
 */
final class OutcomeStep {
  private static final Logger log = LoggerFactory.getLogger(OutcomeStep.class);

  private OutcomeStep() {}

  /** The run report's lines on reading outcomes in a run; a failed read is one of them, never the run's failure. */
  static List<String> notes(StateStore store, String sync, OutcomeReader reader, Instant now, Duration lookback) {
    try {
      OutcomeRead read = run(store, sync, reader, now, lookback);
      List<String> notes = new ArrayList<>(List.of(read.describe()));
      read.rejectedSamples().forEach(sample -> notes.add("outcomes: rejected " + sample));
      return notes;
    } catch (VendorException | SourceException e) {
      log.warn("outcomes not read: {}", e.getMessage());
      return List.of("outcomes not read (tried again next run): " + e.getMessage());
    }
  }

  static OutcomeRead run(StateStore store, String sync, OutcomeReader reader, Instant now, Duration lookback) {
    OutcomeDao outcomes = new OutcomeDao();
    String cursor = store.read(c -> outcomes.cursor(c, sync)).orElse(null);
    OutcomeBatch batch = reader.read(cursor, now.minus(lookback));
    long[] counts = store.write(c -> {
      outcomes.store(c, sync, batch.outcomes(), now);
      outcomes.putCursor(c, sync, batch.cursor(), now);
      return outcomes.counts(c, sync);
    });
    return new OutcomeRead(batch.outcomes().size(), counts[0], counts[1], batch.rejected(), batch.rejectedSamples());
  }
}
