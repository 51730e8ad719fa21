package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.app.admin.PlanPreview;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.error.ConnectorException;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.PqlResult;
import io.github.pqlconnector.core.sync.PlanResult;
import io.github.pqlconnector.core.sync.Progress;
import io.github.pqlconnector.core.sync.SyncRunner;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin console's dry runs ({@code pql plan}): at most one at a time on this node, because each reads the
 * whole source; a second one asked for meanwhile is answered BUSY at once rather than queued behind it.
 */
public final class PlanPreviews {
  private static final Logger log = LoggerFactory.getLogger(PlanPreviews.class);
  /** Reasons shown per record: the strongest ones. */
  static final int REASONS = 3;

  private final Supplier<PqlConfig> config;
  private final Function<PqlConfig, SyncRunner> runners;
  private final AtomicBoolean computing = new AtomicBoolean();

  /** {@code config}: the config in force (it changes on reload); {@code runners}: as the scheduler makes them. */
  public PlanPreviews(Supplier<PqlConfig> config, Function<PqlConfig, SyncRunner> runners) {
    this.config = config;
    this.runners = runners;
  }

  /** What a run of the sync would write now, with its first {@code firstN} records and tasks. Writes nothing. */
  public PlanPreview plan(String sync, int firstN) {
    PqlConfig current = config.get();
    if (current.sync(sync).isEmpty()) {
      return PlanPreview.of(PlanPreview.Outcome.NO_SUCH_SYNC);
    }
    if (!computing.compareAndSet(false, true)) {
      return PlanPreview.of(PlanPreview.Outcome.BUSY);
    }
    long started = System.nanoTime();
    try {
      PlanResult plan = runners.apply(current).plan(sync, Progress.NONE);
      return done(plan, firstN, Duration.ofNanos(System.nanoTime() - started));
    } catch (ConnectorException e) {      // its message is written for users and holds no secrets
      log.warn("plan preview of {} failed: {}", sync, e.getMessage());
      return PlanPreview.failed(e.getMessage(), Duration.ofNanos(System.nanoTime() - started));
    } finally {
      computing.set(false);
    }
  }

  /** A finished dry run as the API shows it: its first {@code firstN} records (highest score first) and tasks. */
  public static PlanPreview done(PlanResult plan, int firstN, Duration elapsed) {
    List<PlanPreview.Record> records = plan.wouldWrite().stream()
        .sorted(Comparator.comparingInt((Evaluation e) -> e.result().score()).reversed()).limit(firstN)
        .map(e -> record(e.result(), plan.from(e.entity()))).toList();
    return new PlanPreview(PlanPreview.Outcome.DONE, plan.transitions(), records,
        plan.tasks().stream().limit(firstN).toList(), plan.counts(), elapsed, null);
  }

  private static PlanPreview.Record record(PqlResult result, String from) {
    return new PlanPreview.Record(result.entity().level().id(), result.entity().id(), from, result.status().id(),
        result.score(), result.primaryType(), result.reasons().stream().limit(REASONS).toList());
  }
}
