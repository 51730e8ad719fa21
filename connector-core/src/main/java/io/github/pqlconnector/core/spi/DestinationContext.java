package io.github.pqlconnector.core.spi;

import java.time.Clock;

/** What a destination gets from the connector: its name in the config and the clock. */
public record DestinationContext(String name, Clock clock) {}
