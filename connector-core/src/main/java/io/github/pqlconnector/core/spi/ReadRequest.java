package io.github.pqlconnector.core.spi;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What to read: events from {@code from} up to {@code to}, or incrementally after {@code cursor} where the
 * source supports it. {@code properties} names the event properties the model reads; a source may drop
 * the others to save memory.
 */
public record ReadRequest(@Nullable String cursor, Instant from, Instant to, Set<String> properties) {
  public ReadRequest {
    properties = Set.copyOf(properties);
  }
}
