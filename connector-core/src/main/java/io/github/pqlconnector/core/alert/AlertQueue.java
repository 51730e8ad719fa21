package io.github.pqlconnector.core.alert;

import io.github.pqlconnector.core.config.AlertsConfig;
import io.github.pqlconnector.core.config.AlertsConfig.Kind;
import io.github.pqlconnector.core.state.AlertDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.NewPqls;
import io.github.pqlconnector.core.sync.RunObserver;
import io.github.pqlconnector.core.sync.RunSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Queues the alerts a run or the stall check raises, one outbox row per configured receiver, in the state store
 * and never over the network: the {@link AlertSender} delivers them. Kinds the config does not turn {@code on} are
 * dropped; every kind but {@code new_pqls} is throttled per sync (one per {@code throttle}, cluster-wide through
 * {@code alert_throttle}).
 */
public final class AlertQueue implements RunObserver {
  /** How far back undelivered alerts count as a receiver's trouble in a run's history. */
  static final Duration TROUBLE_WINDOW = Duration.ofDays(1);

  private final AlertsConfig config;
  private final StateStore store;
  private final Clock clock;
  private final AlertMetrics metrics;

  public AlertQueue(AlertsConfig config, StateStore store, Clock clock, AlertMetrics metrics) {
    this.config = config;
    this.store = store;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** The queue of {@code config}, or {@link RunObserver#NONE} when it names no receiver. */
  public static RunObserver of(AlertsConfig config, StateStore store, Clock clock, AlertMetrics metrics) {
    return config.enabled() ? new AlertQueue(config, store, clock, metrics) : RunObserver.NONE;
  }

  @Override
  public void finished(RunSummary summary, NewPqls newPqls, List<String> limitsHit) {
    Instant now = clock.instant();
    RunAlerts.newPqls(summary, newPqls, now).ifPresent(this::raise);
    RunAlerts.partialFailure(summary, now).ifPresent(this::raise);
    RunAlerts.limitsHit(summary, limitsHit, now).ifPresent(this::raise);
  }

  @Override
  public void failed(String sync, long runId, Throwable failure) {
    raise(RunAlerts.failed(sync, runId, failure, clock.instant()));
  }

  @Override
  public List<String> notes(String sync) {
    List<AlertDao.Trouble> trouble = store.read(c -> new AlertDao().trouble(c, sync,
        clock.instant().minus(TROUBLE_WINDOW)));
    return trouble.stream().map(t -> "alerts to " + t.receiver() + " are failing: " + t.retrying()
        + " being retried, " + t.givenUp() + " given up in the last day; last error: " + t.lastError()).toList();
  }

  /** Queues {@code alert} for every receiver; false when its kind is off or it is throttled. */
  public boolean raise(Alert alert) {
    Optional<Kind> kind = Kind.fromId(alert.kind());
    if (kind.isEmpty() || !config.kinds().contains(kind.get())) {
      return false;
    }
    String payload = AlertJson.write(alert);
    boolean queued = store.write(c -> {
      AlertDao dao = new AlertDao();
      if (kind.get() != Kind.NEW_PQLS
          && !dao.takeThrottle(c, alert.sync(), alert.kind(), alert.at(), config.throttle())) {
        return false;
      }
      for (String receiver : receivers()) {
        dao.enqueue(c, receiver, alert.kind(), alert.sync(), payload, alert.at());
      }
      return true;
    });
    metrics.count(alert.kind(), queued ? "queued" : "throttled");
    return queued;
  }

  private List<String> receivers() {
    List<String> names = new ArrayList<>(2);
    if (config.slack() != null) {
      names.add(AlertReceivers.SLACK);
    }
    if (config.webhook() != null) {
      names.add(AlertReceivers.WEBHOOK);
    }
    return names;
  }
}
