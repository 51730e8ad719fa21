package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.http.HttpClients;
import java.time.Clock;

/** What a source gets from the connector: its name in the config, the clock and the process's one HTTP pool. */
public record SourceContext(String name, Clock clock, HttpClients http) {
  /** A source on an HTTP pool of its own (tests, tools that make one source). */
  public SourceContext(String name, Clock clock) {
    this(name, clock, new HttpClients());
  }
}
