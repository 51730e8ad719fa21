package io.github.pqlconnector.core.spi;

/**
 * Where a destination keeps what it learns about its CRM between runs, scoped to the destination's name: named
 * {@link RecordIndex}es. Within a sync run it is the connector's state store; without one (e.g. {@code pql validate},
 * tests) it lives in memory and is gone when the destination closes.
 */
public interface DestinationStore {
  /** The index of this name (e.g. "company-domains"), empty until something is put in it. */
  RecordIndex index(String name);

  /** A store held in memory only. */
  static DestinationStore inMemory() {
    return new MemoryDestinationStore();
  }
}
