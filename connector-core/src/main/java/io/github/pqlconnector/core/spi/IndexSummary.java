package io.github.pqlconnector.core.spi;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a {@link RecordIndex} holds: records, keys held by several records (count) and a sample of those, by key. */
public record IndexSummary(long records, long sharedKeys, Map<String, List<String>> sharedSample) {
  public IndexSummary {
    Map<String, List<String>> copy = new TreeMap<>();
    sharedSample.forEach((key, ids) -> copy.put(key, List.copyOf(ids)));
    sharedSample = Collections.unmodifiableMap(copy);
  }
}
