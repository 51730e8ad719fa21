package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.model.Traits;

/** Receives the traits of users or accounts one entity at a time. */
public interface TraitsSink {
  void accept(Traits traits);

  /** A row that could not be read: counted and sampled into the run report; the run goes on. */
  void reject(String location, String problem);
}
