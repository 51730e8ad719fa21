package io.github.pqlconnector.core.sync;

/** Progress of a long run, shown on a terminal or logged. Calls are cheap and may be frequent. */
public interface Progress {
  Progress NONE = new Progress() {};

  default void eventsRead(long total) {}

  default void phase(String name) {}

  default void pushed(long done, long total) {}
}
