package io.github.pqlconnector.core.alert;

import io.github.pqlconnector.core.config.AlertsConfig;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.state.AlertDao;
import io.github.pqlconnector.core.state.StateStore;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the queued alerts that are due: claims each row first (a conditional UPDATE with a lease, so of several
 * senders on one database only one sends it), posts it, and marks it sent, or schedules the next attempt with
 * exponential backoff ({@link Backoff}), or gives up after the last attempt or a permanent refusal. Nothing here
 * throws into a sync: a receiver that keeps failing shows in the run history and in {@code pql_alerts_total}.
 */
public final class AlertSender {
  private static final Logger log = LoggerFactory.getLogger(AlertSender.class);
  static final Duration LEASE = Duration.ofMinutes(2);
  /** How long sent and given-up alerts stay in the outbox (the run history's trouble notes look back one day). */
  public static final Duration KEEP = Duration.ofDays(30);
  private static final int BATCH = 50;
  private static final String NODE = ManagementFactory.getRuntimeMXBean().getName() + "/"
      + UUID.randomUUID().toString().substring(0, 8);

  /** Waits between attempts: {@code first}, doubled each time up to {@code max}; {@code attempts} in all. */
  public record Backoff(Duration first, Duration max, int attempts) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30), 8);

    /** When to try again after failed attempt number {@code attempt} (1-based); null once they are spent. */
    @Nullable Instant next(Instant now, int attempt, @Nullable Duration asked) {
      if (attempt >= attempts) {
        return null;
      }
      Duration wait = first.multipliedBy(1L << Math.min(attempt - 1, 20));
      wait = wait.compareTo(max) > 0 ? max : wait;
      return now.plus(asked != null && asked.compareTo(wait) > 0 ? asked : wait);
    }
  }

  private final StateStore store;
  private final Map<String, AlertReceiver> receivers;
  private final AlertPoster poster;
  private final Clock clock;
  private final AlertMetrics metrics;
  private final String node;
  private final Backoff backoff;

  public AlertSender(StateStore store, List<AlertReceiver> receivers, AlertPoster poster, Clock clock,
      AlertMetrics metrics, String node, Backoff backoff) {
    this.store = store;
    this.receivers = receivers.stream().collect(Collectors.toMap(AlertReceiver::name, Function.identity()));
    this.poster = poster;
    this.clock = clock;
    this.metrics = metrics;
    this.node = node;
    this.backoff = backoff;
  }

  /** The sender of the configured receivers, named after this process (for its claims), with the default backoff. */
  public static AlertSender create(AlertsConfig config, StateStore store, HttpClients http, Clock clock,
      AlertMetrics metrics) {
    List<AlertReceiver> receivers = AlertReceivers.from(config);
    return new AlertSender(store, receivers, new AlertPoster(http, receivers), clock, metrics, NODE, Backoff.DEFAULT);
  }

  /** One pass over the due rows; returns how many this sender sent. Never throws. */
  public int sendDue() {
    try {
      List<AlertDao.Row> due = store.read(c -> new AlertDao().due(c, clock.instant(), BATCH));
      int sent = 0;
      for (AlertDao.Row row : due) {
        if (claim(row) && deliver(row)) {
          sent++;
        }
      }
      return sent;
    } catch (RuntimeException e) {
      log.warn("alerts: cannot read the alert outbox: {}", e.getMessage());
      return 0;
    }
  }

  /** Forgets the alerts sent or given up more than {@link #KEEP} ago (the outbox is not an archive). Never throws. */
  public void prune() {
    try {
      store.write(c -> new AlertDao().prune(c, clock.instant().minus(KEEP)));
    } catch (RuntimeException e) {
      log.warn("alerts: cannot prune the alert outbox: {}", e.getMessage());
    }
  }

  private boolean claim(AlertDao.Row row) {
    Instant now = clock.instant();
    return store.write(c -> new AlertDao().claim(c, row.id(), node, now, now.plus(LEASE)));
  }

  private boolean deliver(AlertDao.Row row) {
    AlertReceiver receiver = receivers.get(row.receiver());
    if (receiver == null) {
      record(row, new AlertPoster.Outcome(false, true, row.receiver() + " is no longer configured", null));
      return false;
    }
    Alert alert = AlertJson.read(row.payload());
    AlertPoster.Outcome outcome = poster.post(receiver.delivery(alert, row.id(), clock.instant()));
    record(row, outcome);
    return outcome.sent();
  }

  private void record(AlertDao.Row row, AlertPoster.Outcome outcome) {
    Instant now = clock.instant();
    Instant next = outcome.sent() || outcome.permanent() ? null : backoff.next(now, row.attempts() + 1,
        outcome.retryAfter());
    store.write(c -> {
      if (outcome.sent()) {
        new AlertDao().markSent(c, row.id(), now);
      } else {
        new AlertDao().attemptFailed(c, row.id(), outcome.error(), next);
      }
      return null;
    });
    String result = outcome.sent() ? "sent" : next == null ? "failed" : "retried";
    metrics.count(row.kind(), result);
    if (!outcome.sent()) {
      log.warn("alerts: {} alert of {} to {} not delivered ({}); {}", row.kind(), row.sync(), row.receiver(),
          outcome.error(), next == null ? "given up" : "next attempt at " + next);
    }
  }
}
