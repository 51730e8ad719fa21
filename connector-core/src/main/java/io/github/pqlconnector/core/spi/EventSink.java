package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.model.Event;

/** Receives events one at a time, so memory grows with entities, never with events. */
public interface EventSink {
  void accept(Event event);

  /** A record that could not be read: counted and sampled into the run report; the run goes on. */
  void reject(String location, String problem);
}
