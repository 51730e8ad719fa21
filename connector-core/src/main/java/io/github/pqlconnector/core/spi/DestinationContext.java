package io.github.pqlconnector.core.spi;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * What a destination gets from the connector: its name in the config, the clock, and the meter registry
 * (calls are counted for it by the connector; an adapter adds what only it sees, such as retries after a
 * 429, as {@code pql.destination.throttles}).
 */
public record DestinationContext(String name, Clock clock, MeterRegistry metrics) {}
