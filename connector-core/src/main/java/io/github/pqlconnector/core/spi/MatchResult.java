package io.github.pqlconnector.core.spi;

import java.util.Map;
import java.util.Optional;

/** Records found, by match-key value; keys absent from the map were not found. */
public record MatchResult(Map<String, CrmRecord> found) {
  public MatchResult {
    found = Map.copyOf(found);
  }

  public Optional<CrmRecord> get(MatchKey key) {
    return Optional.ofNullable(found.get(key.value()));
  }
}
