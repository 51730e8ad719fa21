package io.github.pqlconnector.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One refresh of a {@link RecordIndex}: each record's complete set of keys (empty: the record holds none any more),
 * whether this replaces the whole index ({@code rebuild}), and the watermark to keep (none: keep the stored one).
 */
public record IndexUpdate(Map<String, Set<String>> keysByRecord, boolean rebuild, @Nullable String watermark) {
  public IndexUpdate {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    keysByRecord.forEach((record, keys) -> copy.put(record, Set.copyOf(keys)));
    keysByRecord = Collections.unmodifiableMap(copy);
  }
}
