package io.github.pqlconnector.core.spi;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * What a destination gets from the connector: its name in the config, the clock, the meter registry
 * (calls are counted for it by the connector; an adapter adds what only it sees, such as retries after a
 * 429, as {@code pql.destination.throttles}), and its {@link DestinationStore}, kept in the state store during sync
 * runs and in memory otherwise.
 */
public record DestinationContext(String name, Clock clock, MeterRegistry metrics, DestinationStore store) {

  /** A context whose store lives in memory only (no state store: {@code pql validate}, {@code pql setup}, tests). */
  public DestinationContext(String name, Clock clock, MeterRegistry metrics) {
    this(name, clock, metrics, DestinationStore.inMemory());
  }
}
