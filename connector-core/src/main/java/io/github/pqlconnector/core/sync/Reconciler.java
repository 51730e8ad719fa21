package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.PushedDao;
import io.github.pqlconnector.core.state.StateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the PQL fields back from the CRM and repairs what someone else overwrote. It pages through the records
 * the CRM confirmed (those with a CRM id) whose verdict is unchanged and that nothing queued, reads them back in the
 * destination's read batch size, and compares them with the verdict as the CRM stores it ({@link FieldComparison}).
 * A record that differs gets its confirmed hash invalidated, so the diff queues it again; a record the CRM no
 * longer has under its id also loses the id, so the write matches it again. Each page's findings are saved at
 * once, so a crash halfway keeps them.
 */
final class Reconciler {
  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
  private static final int PAGE = 500;

  private final StateStore store;
  private final CrmDestination destination;
  private final Payloads payloads;
  private final String sync;

  Reconciler(StateStore store, CrmDestination destination, Payloads payloads, String sync) {
    this.store = store;
    this.destination = destination;
    this.payloads = payloads;
    this.sync = sync;
  }

  /** What reconciliation found, and the records it made the diff queue again. */
  record Result(Reconciliation counts, Set<EntityRef> requeued) {}

  private record Wanted(String hash, PqlFields fields) {}

  private static final class Tally {
    int checked;
    final List<EntityRef> drifted = new ArrayList<>();
    final List<EntityRef> gone = new ArrayList<>();
  }

  Result reconcile(List<Evaluation> evaluations, Map<EntityRef, OutboxDao.Mark> queued) {
    Map<EntityRef, Wanted> wanted = wanted(evaluations, queued);
    Tally tally = new Tally();
    for (EntityLevel level : List.of(EntityLevel.ACCOUNT, EntityLevel.USER)) {
      reconcileLevel(level, wanted, tally);
    }
    Set<EntityRef> requeued = new HashSet<>(tally.drifted);
    requeued.addAll(tally.gone);
    log.info("reconciled {} records with the CRM: {} drifted, {} gone", tally.checked, tally.drifted.size(),
        tally.gone.size());
    return new Result(new Reconciliation(tally.checked, tally.drifted.size(), tally.gone.size()), requeued);
  }

  /** The verdicts the CRM should still hold: unchanged since the last confirmed write and not queued. */
  private Map<EntityRef, Wanted> wanted(List<Evaluation> evaluations, Map<EntityRef, OutboxDao.Mark> queued) {
    Map<EntityRef, Wanted> wanted = new HashMap<>();
    for (Evaluation evaluation : evaluations) {
      EntityRef entity = evaluation.entity();
      if (queued.containsKey(entity)) {
        continue;
      }
      Optional<MatchKey> key = MatchKeys.of(evaluation.traits(),
          destination.capabilities().matchTrait(entity.level()));
      if (key.isPresent()) {
        PqlFields fields = PqlFields.of(evaluation.result());
        wanted.put(entity, new Wanted(payloads.hash(key.get(), fields), fields));
      }
    }
    return wanted;
  }

  private void reconcileLevel(EntityLevel level, Map<EntityRef, Wanted> wanted, Tally tally) {
    int batchSize = destination.readBatchSize();
    String after = "";
    while (true) {
      String from = after;
      List<PushedDao.Pushed> page = store.read(c -> new PushedDao().withRecordIds(c, sync, level, from,
          Math.max(PAGE, batchSize)));
      if (page.isEmpty()) {
        return;
      }
      after = page.get(page.size() - 1).entity().id();
      List<PushedDao.Pushed> due = page.stream()
          .filter(p -> wanted.containsKey(p.entity()) && wanted.get(p.entity()).hash().equals(p.hash())).toList();
      Tally found = new Tally();
      for (int i = 0; i < due.size(); i += batchSize) {
        compare(level, due.subList(i, Math.min(due.size(), i + batchSize)), wanted, found);
      }
      save(found);
      tally.checked += found.checked;
      tally.drifted.addAll(found.drifted);
      tally.gone.addAll(found.gone);
    }
  }

  private void compare(EntityLevel level, List<PushedDao.Pushed> batch, Map<EntityRef, Wanted> wanted,
      Tally found) {
    Map<String, PqlFields> crm = destination.readFields(level, batch.stream().map(PushedDao.Pushed::recordId)
        .distinct().toList());
    for (PushedDao.Pushed row : batch) {
      found.checked++;
      PqlFields held = crm.get(row.recordId());
      if (held == null) {
        found.gone.add(row.entity());
      } else if (!FieldComparison.same(held, destination.asStored(wanted.get(row.entity()).fields()))) {
        found.drifted.add(row.entity());
      }
    }
  }

  private void save(Tally found) {
    if (found.drifted.isEmpty() && found.gone.isEmpty()) {
      return;
    }
    List<EntityRef> requeue = new ArrayList<>(found.drifted);
    requeue.addAll(found.gone);
    store.write(c -> {
      PushedDao pushed = new PushedDao();
      pushed.invalidate(c, sync, requeue);
      pushed.forgetRecordIds(c, sync, found.gone);
      return null;
    });
  }
}
