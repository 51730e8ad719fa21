package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.engine.TraitsIndex;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Finds the CRM records of entities this sync has never handled while their events are still being read: their
 * match keys come from the traits, read first, and a lookup does not depend on any verdict. So on a first run the
 * lookups fill the vendor's rate-limit window during the read and the evaluation, and the push only writes. Each
 * key is looked up once: the push takes the answer here (waiting for its batch if it is still out) and looks up
 * only the keys this did not cover or could not answer; a failed lookup here costs nothing but the call. The lookups
 * and the push share the destination's batch slots, so together they never have more than {@code maxInFlight}
 * calls out.
 */
final class EarlyMatch implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EarlyMatch.class);

  private final CrmDestination destination;
  /** Every key registered and not yet taken by the push, with the batch that looks it up. */
  private final Map<MatchKey, Batch> answers = new ConcurrentHashMap<>();
  /** The destination's batch slots, shared with the push: together they keep {@code maxInFlight} calls at most. */
  private final Semaphore slots;
  private @Nullable InFlight inFlight;

  /**
   * One lookup call's keys and their answers. Until it starts, the push may take a key out and look it up itself, so
   * it never waits for a lookup that waits for a slot it holds; once started, it answers every key it kept (a failure
   * too), so nobody waits forever.
   */
  private static final class Batch {
    final EntityLevel level;
    final Map<MatchKey, CompletableFuture<Optional<CrmRecord>>> keys = new LinkedHashMap<>();
    boolean started;   // guarded by the batch

    Batch(EntityLevel level) {
      this.level = level;
    }

    synchronized Map<MatchKey, CompletableFuture<Optional<CrmRecord>>> begin() {
      started = true;
      return new LinkedHashMap<>(keys);
    }

    /** The answer to come for {@code key} once the lookup has started; before, the key is taken out: null. */
    synchronized @Nullable CompletableFuture<Optional<CrmRecord>> answerOrTake(MatchKey key) {
      if (started) {
        return keys.get(key);
      }
      keys.remove(key);
      return null;
    }
  }

  /** Looks nothing up until {@link #start}: until then the push matches every key itself. */
  EarlyMatch(CrmDestination destination) {
    this.destination = destination;
    this.slots = new Semaphore(destination.capabilities().maxInFlight());
  }

  /** The slots the push shares with these lookups. */
  Semaphore slots() {
    return slots;
  }

  /**
   * Starts looking up, on background threads, the records of the entities in {@code traits} at {@code levels}
   * that {@code handled} says the sync never had (no state, nothing pushed, nothing queued). The keys are registered
   * before this returns, so the push never looks one of them up a second time.
   */
  void start(TraitsIndex traits, Collection<EntityLevel> levels, Predicate<EntityRef> handled) {
    List<Batch> batches = register(traits, levels, handled);
    if (batches.isEmpty()) {
      return;
    }
    inFlight = new InFlight(destination.capabilities().maxInFlight(), slots);
    Map<String, String> context = MDC.getCopyOfContextMap();   // the run's and sync's, for the lookups' log lines
    Thread thread = new Thread(() -> {
      if (context != null) {
        MDC.setContextMap(context);
      }
      lookUp(batches);
    }, "pql-early-match");
    thread.setDaemon(true);
    thread.start();
  }

  private List<Batch> register(TraitsIndex traits, Collection<EntityLevel> levels, Predicate<EntityRef> handled) {
    int size = Math.max(1, destination.capabilities().maxBatchSize());
    List<Batch> batches = new ArrayList<>();
    for (EntityLevel level : levels) {
      String trait = destination.capabilities().matchTrait(level);
      Batch batch = new Batch(level);
      // in the order the push takes them (by id), so the first batches pushed are the first answered
      for (Traits entity : traits.all(level).stream().sorted(Comparator.comparing(Traits::entity)).toList()) {
        Optional<MatchKey> key = handled.test(entity.entity()) ? Optional.empty() : MatchKeys.of(entity, trait);
        if (key.isPresent() && !answers.containsKey(key.get())) {
          answers.put(key.get(), batch);
          batch.keys.put(key.get(), new CompletableFuture<>());
          if (batch.keys.size() == size) {
            batches.add(batch);
            batch = new Batch(level);
          }
        }
      }
      if (!batch.keys.isEmpty()) {
        batches.add(batch);
      }
    }
    return batches;
  }

  private void lookUp(List<Batch> batches) {
    try {
      batches.forEach(batch -> inFlight.submit(() -> lookUp(batch)));
    } catch (RuntimeException | Error e) {   // the batches not started are the push's to look up
      log.debug("early lookups stopped ({})", e.getClass().getSimpleName());
    }
  }

  private void lookUp(Batch batch) {
    Map<MatchKey, CompletableFuture<Optional<CrmRecord>>> keys = batch.begin();
    try {
      if (!keys.isEmpty()) {
        MatchResult found = destination.match(batch.level, List.copyOf(keys.keySet()));
        keys.forEach((key, answer) -> answer.complete(found.get(key)));
      }
    } catch (RuntimeException | Error e) {   // an Error too: nobody may wait for these keys forever
      log.debug("early lookup of {} {} keys failed ({}); the push looks them up", keys.size(), batch.level.id(),
          e.getClass().getSimpleName());
      keys.values().forEach(answer -> answer.completeExceptionally(e));
    }
  }

  /**
   * The record found early for {@code key} (empty: the CRM has none), waiting for its lookup if it is out; null when
   * the push must look the key up itself: not registered, its lookup not started yet (then it is taken out of it), or
   * failed (also when another entity with the same key took the answer).
   */
  @Nullable Optional<CrmRecord> answer(MatchKey key) {
    Batch batch = answers.remove(key);   // taken once: held only until pushed
    CompletableFuture<Optional<CrmRecord>> answer = batch == null ? null : batch.answerOrTake(key);
    if (answer == null) {
      return null;
    }
    try {
      return answer.join();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Stops the lookups still out (the push is done by now, or the run failed). */
  @Override
  public void close() {
    if (inFlight != null) {
      inFlight.close();
    }
  }
}
