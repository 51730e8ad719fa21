package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.EntityState;
import io.github.pqlconnector.core.state.CursorDao;
import io.github.pqlconnector.core.state.EntityStateDao;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.PushedDao;
import io.github.pqlconnector.core.state.StateStore;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the state store knows about a sync before a run: states, confirmed hashes, queued rows, cursor. */
record Snapshot(Map<EntityRef, EntityState> states, Map<EntityRef, String> pushed,
    Map<EntityRef, OutboxDao.Mark> queued, @Nullable String cursor) {

  static Snapshot load(StateStore store, String sync, boolean full) {
    return store.read(c -> new Snapshot(new EntityStateDao().load(c, sync), new PushedDao().hashes(c, sync),
        new OutboxDao().marks(c, sync), full ? null : new CursorDao().get(c, sync).orElse(null)));
  }

  /** Entities decided before: they are evaluated again even without new activity, so verdicts clear. */
  Set<EntityRef> known() {
    Set<EntityRef> known = new HashSet<>(states.keySet());
    known.addAll(pushed.keySet());
    return known;
  }
}
