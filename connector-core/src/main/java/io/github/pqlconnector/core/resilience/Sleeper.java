package io.github.pqlconnector.core.resilience;

import java.time.Duration;

/** Waits. Injectable so tests of pacing run on a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  /** The real thing: {@link Thread#sleep}, turning an interrupt into an unchecked failure (interrupt flag kept). */
  Sleeper SYSTEM = duration -> {
    try {
      Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  };

  void sleep(Duration duration);
}
