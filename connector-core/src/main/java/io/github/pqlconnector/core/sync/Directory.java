package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.state.EntityDirectoryDao;
import io.github.pqlconnector.core.state.EntityDirectoryDao.Entry;
import io.github.pqlconnector.core.state.StateStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the entity directory (the admin console's PQLs page) current at the cost of one read per run: email and
 * domain come from the traits as match keys, the type from the verdict, the owner from the records a drain matched.
 * Only entries that differ from what is stored are written.
 */
final class Directory {
  private final Map<EntityRef, Entry> stored;

  private Directory(Map<EntityRef, Entry> stored) {
    this.stored = stored;
  }

  static Directory load(StateStore store, String sync) {
    return new Directory(store.read(c -> new EntityDirectoryDao().load(c, sync)));
  }

  /** The entries the evaluations change, keeping each entity's stored owner. */
  Map<EntityRef, Entry> changed(List<Evaluation> evaluations) {
    Map<EntityRef, Entry> changed = new HashMap<>();
    for (Evaluation e : evaluations) {
      Entry before = stored.get(e.entity());
      Entry now = new Entry(key(e.traits(), Traits.EMAIL), key(e.traits(), Traits.DOMAIN), e.result().primaryType(),
          before == null ? null : before.owner());
      if (!now.equals(before)) {
        changed.put(e.entity(), now);
      }
    }
    return changed;
  }

  /** Records the owners of the records a drain matched (stored entries only: a run wrote those before it drained). */
  void recordOwners(StateStore store, String sync, Map<EntityRef, CrmRecord> records) {
    Map<EntityRef, Entry> changed = new HashMap<>();
    records.forEach((entity, record) -> {
      Entry entry = stored.get(entity);
      if (entry != null && record.ownerId() != null && !Objects.equals(entry.owner(), record.ownerId())) {
        changed.put(entity, entry.withOwner(record.ownerId()));
      }
    });
    if (!changed.isEmpty()) {
      store.write(c -> {
        new EntityDirectoryDao().save(c, sync, changed);
        return null;
      });
      stored.putAll(changed);
    }
  }

  /** After the run's write: what is stored now. */
  void saved(Map<EntityRef, Entry> changed) {
    stored.putAll(changed);
  }

  private static @Nullable String key(Traits traits, String trait) {
    return MatchKeys.of(traits, trait).map(MatchKey::value).orElse(null);
  }
}
