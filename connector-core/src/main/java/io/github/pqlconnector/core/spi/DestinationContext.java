package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.http.HttpClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * What a destination gets from the connector: its name in the config, the clock, the meter registry (calls are
 * counted for it by the connector; an adapter adds what only it sees, such as retries after a 429, as {@code
 * pql.destination.throttles}), the process's one HTTP pool, from which the destination derives its client, and its
 * {@link DestinationStore}, kept in the state store during sync runs and in memory otherwise.
 */
public record DestinationContext(String name, Clock clock, MeterRegistry metrics, HttpClients http,
    DestinationStore store) {

  /** A destination on an HTTP pool of its own with a store in memory only (tests, tools that make one destination). */
  public DestinationContext(String name, Clock clock, MeterRegistry metrics) {
    this(name, clock, metrics, new HttpClients(), DestinationStore.inMemory());
  }
}
