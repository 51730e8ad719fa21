package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.engine.Rejections;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.SourceException;
import java.util.Locale;

/**
 * A read of the whole window in which every event was rejected means the source's data does not fit its config (a
 * wrong format, field names, a timestamp unit), not a quiet day. Evaluating it would turn every verdict COLD and write
 * that over the CRM's values, so the run fails before anything is evaluated, naming the first rejects.
 */
final class AllEventsRejected {
  private static final int SHOWN = 3;

  private AllEventsRejected() {}

  /** Fails when events were rejected during the read ({@code rejectedBefore} counted the traits') and none accepted. */
  static void check(Rejections rejections, long rejectedBefore, long accepted) {
    long rejected = rejections.count() - rejectedBefore;
    if (accepted > 0 || rejected == 0) {
      return;
    }
    StringBuilder first = new StringBuilder();
    rejections.samples().stream().skip(Math.min(rejectedBefore, Rejections.SAMPLES)).limit(SHOWN)
        .forEach(s -> first.append(first.length() == 0 ? "" : "; ").append(s.location()).append(": ")
            .append(s.problem()));
    throw new SourceException(ErrorCategory.INVALID_REQUEST, String.format(Locale.US,
        "all %,d events read were rejected, so nothing was evaluated or written (first: %s); check the source's"
            + " format and field names against the data", rejected, first));
  }
}
