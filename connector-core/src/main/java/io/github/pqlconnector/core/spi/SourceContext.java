package io.github.pqlconnector.core.spi;

import java.time.Clock;

/** What a source gets from the connector: its name in the config and the clock. */
public record SourceContext(String name, Clock clock) {}
