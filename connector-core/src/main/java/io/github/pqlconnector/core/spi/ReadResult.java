package io.github.pqlconnector.core.spi;

import org.jspecify.annotations.Nullable;

/** The cursor to persist once the run's results are safely computed, and how many events were read. */
public record ReadResult(@Nullable String cursor, long eventsRead) {}
