package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.model.EntityLevel;
import java.time.Duration;

/**
 * Reads product usage. Push-style: the source streams into a sink and closes its own resources, so
 * memory stays bounded whatever the size of the export. Implementations need not be thread-safe; one
 * run uses one instance.
 */
public interface AnalyticsSource extends AutoCloseable {
  /** Read-only: can the source be reached with these credentials? Never throws. */
  CheckResult check();

  /**
   * Streams the events of the request into {@code sink}. Bad records go to {@link EventSink#reject};
   * an unreadable source throws {@link io.github.pqlconnector.core.error.SourceException}.
   */
  ReadResult readEvents(ReadRequest request, EventSink sink);

  /**
   * Whether this source reads incrementally: it then hands over exactly the events whose time falls in the
   * request's [{@code from}, {@code to}), where {@code from} is a UTC day boundary, and the connector keeps
   * per-entity, per-day partial aggregates in the state store, asking on each run only for the days not yet
   * complete plus the late-data window. A source that reads everything on every run (a file) says false.
   */
  default boolean incremental() {
    return false;
  }

  /**
   * For an incremental source: how far back data may still arrive late (Mixpanel's ingestion delay,
   * Amplitude's upload delay). Every run re-reads the days this window touches and replaces their buckets.
   */
  default Duration lateDataWindow() {
    return Duration.ZERO;
  }

  /** Streams the traits of every known entity of {@code level}; a source without traits sends none. */
  void readTraits(EntityLevel level, TraitsSink sink);

  @Override
  void close();
}
