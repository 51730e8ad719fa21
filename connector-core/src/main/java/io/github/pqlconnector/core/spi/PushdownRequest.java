package io.github.pqlconnector.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The metrics a {@link MetricPushdown} source computes, vendor-neutral, with the engine's windows: whole UTC
 * days ending today. An event's day is floor(time / 1 day) in UTC; it is in a window of N days when
 * {@link #today()} − day &lt; N, and in none when its time is after {@code now}. The source reads the events of
 * [{@link #from()}, {@link #to()}): the {@code days} of the longest window.
 *
 * <p>Attribution: an event counts for its user, and for its account: the event's own account id, else the
 * account of the user's traits ({@code accountId}), else the account of the user's latest event in the range
 * that carried one. "Latest" is by time; on a tie, the one the source would hand over later when reading raw
 * events. Without any, it counts for no account. {@code activationSteps} are event names: a step is done when
 * such an event falls in the last {@code activationDays} days.
 */
public record PushdownRequest(Instant now, int days, List<PushedMetric> metrics, List<String> activationSteps,
    int activationDays) {
  private static final long DAY_MILLIS = 86_400_000L;

  public PushdownRequest {
    Objects.requireNonNull(now, "now");
    metrics = List.copyOf(metrics);
    activationSteps = List.copyOf(activationSteps);
    if (days < 1 || activationDays < 1) {
      throw new IllegalArgumentException("windows are at least one day: " + days + ", " + activationDays);
    }
  }

  /** The UTC epoch day of {@code now}. */
  public long today() {
    return Math.floorDiv(now.toEpochMilli(), DAY_MILLIS);
  }

  /** Midnight UTC starting the first of the {@code days}: where the range read begins. */
  public Instant from() {
    return Instant.ofEpochMilli((today() - days + 1) * DAY_MILLIS);
  }

  /** Exclusive end of the range read: one millisecond after {@code now}, so an event stamped now counts. */
  public Instant to() {
    return now.plusMillis(1);
  }
}
