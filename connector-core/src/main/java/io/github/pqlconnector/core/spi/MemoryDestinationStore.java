package io.github.pqlconnector.core.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** {@link DestinationStore#inMemory()}: the same contract as the state store's, in maps. */
final class MemoryDestinationStore implements DestinationStore {
  private final Map<String, MemoryIndex> indexes = new ConcurrentHashMap<>();

  @Override
  public RecordIndex index(String name) {
    return indexes.computeIfAbsent(name, n -> new MemoryIndex());
  }

  private static final class MemoryIndex implements RecordIndex {
    private final Map<String, Set<String>> keysByRecord = new HashMap<>();
    private final Map<String, Set<String>> recordsByKey = new TreeMap<>();
    private @Nullable String watermark;

    @Override
    public synchronized Map<String, List<String>> lookup(Collection<String> keys) {
      Map<String, List<String>> found = new LinkedHashMap<>();
      for (String key : keys) {
        Set<String> records = recordsByKey.get(key);
        if (records != null) {
          found.put(key, List.copyOf(records));
        }
      }
      return found;
    }

    @Override
    public synchronized void apply(IndexUpdate update) {
      if (update.rebuild()) {
        keysByRecord.clear();
        recordsByKey.clear();
      }
      update.keysByRecord().forEach((record, keys) -> {
        remove(record);
        if (!keys.isEmpty()) {
          keysByRecord.put(record, new TreeSet<>(keys));
          keys.forEach(key -> recordsByKey.computeIfAbsent(key, k -> new TreeSet<>()).add(record));
        }
      });
      if (update.watermark() != null) {
        watermark = update.watermark();
      }
    }

    @Override
    public synchronized void remove(String recordId) {
      Set<String> keys = keysByRecord.remove(recordId);
      if (keys == null) {
        return;
      }
      for (String key : keys) {
        Set<String> records = recordsByKey.get(key);
        records.remove(recordId);
        if (records.isEmpty()) {
          recordsByKey.remove(key);
        }
      }
    }

    @Override
    public synchronized Optional<String> watermark() {
      return Optional.ofNullable(watermark);
    }

    @Override
    public synchronized IndexSummary summary(int sample) {
      Map<String, List<String>> shared = new LinkedHashMap<>();
      long count = 0;
      for (Map.Entry<String, Set<String>> entry : recordsByKey.entrySet()) {
        if (entry.getValue().size() > 1) {
          count++;
          if (shared.size() < sample) {
            shared.put(entry.getKey(), new ArrayList<>(entry.getValue()));
          }
        }
      }
      return new IndexSummary(keysByRecord.size(), count, shared);
    }
  }
}
