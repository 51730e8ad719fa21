package io.github.pqlconnector.core.spi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A destination's optional capability to say who converted (see {@link CrmDestination#outcomes()}), what the closed
 * loop joins to the verdict history. Reads go through the destination's own limiter, breaker and retry, and only
 * what changed since the last read.
 */
public interface OutcomeReader {
  /**
   * The conversions recorded or changed since {@code cursor}, or on the first read (cursor null) since {@code
   * firstReadFrom}; the batch's cursor is kept for the next read once its outcomes are stored. A call that fails
   * as a whole throws {@link io.github.pqlconnector.core.error.VendorException}; a row it cannot read is counted
   * in the batch.
   */
  OutcomeBatch read(@Nullable String cursor, Instant firstReadFrom);
}
