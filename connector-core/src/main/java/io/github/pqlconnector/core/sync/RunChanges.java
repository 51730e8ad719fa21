package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.EntityState;
import io.github.pqlconnector.core.state.EntityDirectoryDao;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.TaskDao;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything one run stores, indexed by entity so that it can be stored a chunk of entities at a time: each
 * entity's state, verdict, outbox row, task intents and directory entry go into the same chunk.
 */
final class RunChanges {
  /** One chunk's share, for one transaction. */
  record Slice(EntityLevel level, Map<EntityRef, EntityState> states, Map<EntityRef, VerdictHistoryDao.Verdict> verdicts,
      List<OutboxDao.Row> updates, List<TaskDao.Row> tasks, Map<EntityRef, EntityDirectoryDao.Entry> entries) {}

  private final ChangeDetector.Changes changes;
  private final EvaluationStep.Evaluated evaluated;
  private final Map<EntityRef, EntityDirectoryDao.Entry> entries;
  private final Map<EntityRef, OutboxDao.Row> updates = new HashMap<>();
  private final Map<EntityRef, List<TaskDao.Row>> tasks = new HashMap<>();

  RunChanges(ChangeDetector.Changes changes, EvaluationStep.Evaluated evaluated,
      Map<EntityRef, EntityDirectoryDao.Entry> entries) {
    this.changes = changes;
    this.evaluated = evaluated;
    this.entries = entries;
    changes.updates().forEach(row -> updates.put(row.entity(), row));
    changes.tasks().forEach(row -> tasks.computeIfAbsent(row.entity(), e -> new ArrayList<>(1)).add(row));
  }

  Map<EntityRef, EntityDirectoryDao.Entry> entries() {
    return entries;
  }

  EvaluationStep.Evaluated evaluated() {
    return evaluated;
  }

  /** The entities whose outbox rows this run writes: the drain pushes them as their chunks commit. */
  Set<EntityRef> updated() {
    return updates.keySet();
  }

  /** Every entity of the level with anything to store, ids ascending. */
  List<EntityRef> refs(EntityLevel level) {
    TreeSet<EntityRef> refs = new TreeSet<>(Comparator.comparing(EntityRef::id));
    for (Set<EntityRef> keys : List.of(changes.states().keySet(), changes.verdicts().keySet(), updates.keySet(),
        tasks.keySet(), entries.keySet())) {
      keys.stream().filter(ref -> ref.level() == level).forEach(refs::add);
    }
    return List.copyOf(refs);
  }

  Slice slice(EntityLevel level, List<EntityRef> refs) {
    Map<EntityRef, EntityState> states = new LinkedHashMap<>();
    Map<EntityRef, VerdictHistoryDao.Verdict> verdicts = new LinkedHashMap<>();
    List<OutboxDao.Row> rows = new ArrayList<>();
    List<TaskDao.Row> taskRows = new ArrayList<>();
    Map<EntityRef, EntityDirectoryDao.Entry> entryRows = new LinkedHashMap<>();
    for (EntityRef ref : refs) {   // ids ascending, so the outbox rows are too
      putIfPresent(states, ref, changes.states().get(ref));
      putIfPresent(verdicts, ref, changes.verdicts().get(ref));
      putIfPresent(entryRows, ref, entries.get(ref));
      OutboxDao.Row row = updates.get(ref);
      if (row != null) {
        rows.add(row);
      }
      taskRows.addAll(tasks.getOrDefault(ref, List.of()));
    }
    return new Slice(level, states, verdicts, rows, taskRows, entryRows);
  }

  private static <V> void putIfPresent(Map<EntityRef, V> into, EntityRef ref, V value) {
    if (value != null) {
      into.put(ref, value);
    }
  }
}
