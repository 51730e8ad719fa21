package io.github.pqlconnector.core.spi;

import java.util.function.Consumer;

/**
 * Optional for an {@link AnalyticsSource}: the source computes the model's metrics itself (a warehouse running
 * the aggregation as SQL) and hands over one row per entity instead of every raw event. When
 * {@link #pushdownEnabled()} is true the connector calls {@link #aggregate} instead of
 * {@link AnalyticsSource#readEvents}; traits are still read with {@link AnalyticsSource#readTraits}.
 *
 * <p>The rows must equal what the connector would compute from the raw events of the request's range, so a
 * verdict never depends on where it was aggregated. {@link PushdownRequest} spells out the windows (whole UTC
 * days), activation and how an event is attributed to an account; {@link PushedMetric} every metric kind.
 */
public interface MetricPushdown {
  /** Whether the source's config asks for pushdown; false means the connector reads raw events as usual. */
  boolean pushdownEnabled();

  /**
   * Streams one {@link EntityMetrics} per user and per account that has an event in the request's range.
   * Throws {@link io.github.pqlconnector.core.error.SourceException} when the source cannot be read.
   */
  void aggregate(PushdownRequest request, Consumer<EntityMetrics> sink);
}
