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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the CRM records of entities this sync has never handled while their events are still being read: their
 * match keys come from the traits, read first, and a lookup does not depend on any verdict. So on a first run the
 * lookups fill the vendor's rate-limit window during the read and the evaluation, and the push only writes. Each
 * key is looked up once: the push takes the answer here (waiting for its batch if it is still out) and looks up
 * only the keys this did not cover or could not answer; a failed lookup here costs nothing but the call.
 */
final class EarlyMatch implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EarlyMatch.class);

  private final CrmDestination destination;
  private final Map<MatchKey, CompletableFuture<Optional<CrmRecord>>> answers = new ConcurrentHashMap<>();
  private @Nullable InFlight inFlight;

  /** Looks nothing up until {@link #start}: until then the push matches every key itself. */
  EarlyMatch(CrmDestination destination) {
    this.destination = destination;
  }

  /**
   * Starts looking up, on background threads, the records of the entities in {@code traits} at {@code levels}
   * that {@code handled} says the sync never had (no state, nothing pushed, nothing queued). The keys are registered
   * before this returns, so the push never looks one of them up a second time.
   */
  void start(TraitsIndex traits, Collection<EntityLevel> levels, Predicate<EntityRef> handled) {
    Map<EntityLevel, List<List<MatchKey>>> batches = register(traits, levels, handled);
    if (batches.isEmpty()) {
      return;
    }
    inFlight = new InFlight(destination.capabilities().maxInFlight());
    Thread thread = new Thread(() -> lookUp(batches), "pql-early-match");
    thread.setDaemon(true);
    thread.start();
  }

  private Map<EntityLevel, List<List<MatchKey>>> register(TraitsIndex traits, Collection<EntityLevel> levels,
      Predicate<EntityRef> handled) {
    int size = Math.max(1, destination.capabilities().maxBatchSize());
    Map<EntityLevel, List<List<MatchKey>>> batches = new EnumMap<>(EntityLevel.class);
    for (EntityLevel level : levels) {
      String trait = destination.capabilities().matchTrait(level);
      List<MatchKey> keys = new ArrayList<>();
      // in the order the push takes them (by id), so the first batches pushed are the first answered
      List<Traits> entities = traits.all(level).stream().sorted(Comparator.comparing(Traits::entity)).toList();
      for (Traits entity : entities) {
        if (!handled.test(entity.entity())) {
          MatchKeys.of(entity, trait).filter(key -> answers.putIfAbsent(key, new CompletableFuture<>()) == null)
              .ifPresent(keys::add);
        }
      }
      for (int from = 0; from < keys.size(); from += size) {
        batches.computeIfAbsent(level, l -> new ArrayList<>())
            .add(List.copyOf(keys.subList(from, Math.min(keys.size(), from + size))));
      }
    }
    return batches;
  }

  private void lookUp(Map<EntityLevel, List<List<MatchKey>>> batches) {
    try {
      batches.forEach((level, keys) -> keys.forEach(batch -> inFlight.submit(() -> lookUp(level, batch))));
    } catch (RuntimeException | Error e) {   // whatever is left unanswered, the push looks up itself
      giveUp(e);
    }
  }

  private void lookUp(EntityLevel level, List<MatchKey> keys) {
    try {
      MatchResult found = destination.match(level, keys);
      keys.forEach(key -> answers.get(key).complete(found.get(key)));
    } catch (RuntimeException e) {
      log.debug("early lookup of {} {} keys failed ({}); the push looks them up", keys.size(), level.id(),
          e.getClass().getSimpleName());
      keys.forEach(key -> answers.get(key).completeExceptionally(e));
    }
  }

  private void giveUp(Throwable cause) {
    answers.values().forEach(answer -> answer.completeExceptionally(cause));
  }

  /**
   * The record found early for {@code key} (empty: the CRM has none), waiting for its lookup if it is still out;
   * null when the push must look the key up itself.
   */
  @Nullable Optional<CrmRecord> answer(MatchKey key) {
    CompletableFuture<Optional<CrmRecord>> answer = answers.get(key);
    if (answer == null) {
      return null;
    }
    try {
      return answer.join();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Stops the lookups still out; a key not answered by then is the push's to look up (it is done by now). */
  @Override
  public void close() {
    giveUp(new IllegalStateException("the run is over"));
    if (inFlight != null) {
      inFlight.close();
    }
  }
}
