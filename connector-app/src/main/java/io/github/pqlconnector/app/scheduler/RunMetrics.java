package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.RunCounts;
import io.github.pqlconnector.core.sync.RunSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus-facing numbers of the daemon: runs by sync and status, records by outcome, tasks, and each
 * sync's outbox depth and last success (read from the state database when scraped).
 */
public final class RunMetrics {
  private final MeterRegistry registry;
  private final StateStore store;
  private final Set<String> gauged = ConcurrentHashMap.newKeySet();

  public RunMetrics(MeterRegistry registry, StateStore store) {
    this.registry = registry;
    this.store = store;
  }

  public void record(RunSummary run) {
    String sync = run.sync();
    registry.counter("pql.runs", "sync", sync, "status", run.status().name().toLowerCase()).increment();
    RunCounts c = run.counts();
    count(sync, "pushed", c.pushed());
    count(sync, "failed", c.failed());
    count(sync, "unchanged", c.unchanged());
    count(sync, "unmatched", c.unmatched());
    registry.counter("pql.tasks.created", "sync", sync).increment(c.tasksCreated());
    registry.counter("pql.events.read", "sync", sync).increment(c.eventsRead());
    registry.counter("pql.events.rejected", "sync", sync).increment(c.rejected());
    gaugeSync(sync);
  }

  /**
   * Registers the gauges of a sync (idempotent): its outbox depth, and {@code pql_last_success_timestamp_seconds},
   * when its last run that completed (SUCCESS or PARTIAL) finished, for alerting in Prometheus (NaN before one).
   */
  public void gaugeSync(String sync) {
    if (gauged.add(sync)) {
      Gauge.builder("pql.outbox.depth", () -> depth(sync)).tag("sync", sync)
          .description("updates waiting for the destination").register(registry);
      Gauge.builder("pql.last.success.timestamp", () -> lastSuccess(sync)).tag("sync", sync).baseUnit("seconds")
          .description("when the sync's last completed run finished, Unix seconds").register(registry);
    }
  }

  private void count(String sync, String outcome, int n) {
    registry.counter("pql.records", "sync", sync, "outcome", outcome).increment(n);
  }

  private double lastSuccess(String sync) {
    try {
      return store.read(c -> new RunDao().lastSuccess(c, sync)).map(at -> at.toEpochMilli() / 1000.0)
          .orElse(Double.NaN);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  private double depth(String sync) {
    try {
      return store.read(c -> new OutboxDao().depth(c, sync));
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }
}
