package io.github.pqlconnector.core.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The metrics a {@link MetricPushdown} source computes, vendor-neutral. Events count when their time is in
 * [{@code from}, {@code to}); a metric with window {@code w} only counts events with time ≥ {@code now − w}.
 *
 * <p>Attribution: an event counts for its user, and for its account: the event's own account id, else the
 * account of the user's traits ({@code accountId}), else the last account id the user's earlier events
 * carried, else the last one any of the user's events in the range carried. Without any, it counts for no
 * account. {@code activationSteps} are event names: a step is done when such an event falls in
 * {@code activationWindow}.
 */
public record PushdownRequest(Instant from, Instant to, Instant now, List<PushedMetric> metrics,
    List<String> activationSteps, Duration activationWindow) {
  public PushdownRequest {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(now, "now");
    metrics = List.copyOf(metrics);
    activationSteps = List.copyOf(activationSteps);
  }
}
