package io.github.pqlconnector.core.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a permanently refused record or task is tried again on its own: 1 hour after its first refusal, 6 hours
 * after its second, then once a day. A refusal is never forever (the cause may be fixed in the CRM without the
 * connector knowing); `pql setup`, a destination config change and `pql retry` make it due at once.
 */
public final class RetrySchedule {
  private static final List<Duration> STEPS = List.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1));

  private RetrySchedule() {}

  /** The wait after the {@code refusals}-th refusal in a row (1 for the first). */
  public static Duration delayAfter(int refusals) {
    if (refusals < 1) {
      throw new IllegalArgumentException("refusals must be at least 1, got " + refusals);
    }
    return STEPS.get(Math.min(refusals, STEPS.size()) - 1);
  }

  /** When a record or task refused for the {@code refusals}-th time at {@code refusedAt} is due again. */
  public static Instant nextAttempt(Instant refusedAt, int refusals) {
    return refusedAt.plus(delayAfter(refusals));
  }
}
