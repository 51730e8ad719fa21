package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.core.alert.AlertMetrics;
import io.github.pqlconnector.core.alert.AlertQueue;
import io.github.pqlconnector.core.alert.AlertSender;
import io.github.pqlconnector.core.alert.StallCheck;
import io.github.pqlconnector.core.config.AlertsConfig;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.config.SyncConfig;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Connectors;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts side of {@code pql serve}, on a thread of its own: every {@link #SEND_EVERY} it delivers the queued
 * alerts that are due (every node does; the claims make each alert go out once), and every {@link #STALL_EVERY} it
 * checks each scheduled, unpaused sync for a stall and forgets alerts older than {@link AlertSender#KEEP}. The config in force is read on each pass, so a reload changes
 * the receivers.
 */
final class AlertService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AlertService.class);
  static final Duration SEND_EVERY = Duration.ofSeconds(5);
  static final Duration STALL_EVERY = Duration.ofMinutes(1);

  private final Supplier<PqlConfig> config;
  private final StateStore store;
  private final Connectors connectors;
  private final AlertMetrics metrics;
  private final SchedulerService scheduler;
  private final StallCheck stalls;
  private final Duration stallEvery;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "pql-alerts");
    t.setDaemon(true);
    return t;
  });
  private AlertsConfig senderConfig;
  private AlertSender sender;
  private Instant lastStallCheck = Instant.EPOCH;

  AlertService(Supplier<PqlConfig> config, StateStore store, Connectors connectors, AlertMetrics metrics,
      SchedulerService scheduler) {
    this(config, store, connectors, metrics, scheduler, STALL_EVERY);
  }

  /** With the stall check every {@code stallEvery} instead of every minute (tests). */
  AlertService(Supplier<PqlConfig> config, StateStore store, Connectors connectors, AlertMetrics metrics,
      SchedulerService scheduler, Duration stallEvery) {
    this.stallEvery = stallEvery;
    this.config = config;
    this.store = store;
    this.connectors = connectors;
    this.metrics = metrics;
    this.scheduler = scheduler;
    this.stalls = new StallCheck(store, connectors.clock().instant());
  }

  void start() {
    thread.scheduleWithFixedDelay(this::pass, SEND_EVERY.toMillis(), SEND_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One pass; a failure is logged and the next pass tries again. */
  void pass() {
    try {
      AlertsConfig alerts = config.get().alerts();
      if (!alerts.enabled()) {
        return;
      }
      Instant now = connectors.clock().instant();
      AlertSender sender = sender(alerts);
      if (!now.isBefore(lastStallCheck.plus(stallEvery))) {
        lastStallCheck = now;
        checkStalls(config.get(), now);
        sender.prune();
      }
      sender.sendDue();
    } catch (RuntimeException e) {
      log.warn("alerts: {} ({})", e.getMessage(), e.getClass().getSimpleName());
    }
  }

  private void checkStalls(PqlConfig current, Instant now) {
    AlertQueue queue = new AlertQueue(current.alerts(), store, connectors.clock(), metrics);
    for (SyncConfig sync : current.syncs()) {
      try {
        Trigger trigger = scheduler.trigger(sync);
        if (trigger == null || scheduler.isPaused(sync)) {
          continue;
        }
        stalls.check(sync.name(), at -> next(trigger, at), now).ifPresent(queue::raise);
      } catch (SchedulerException e) {
        log.warn("alerts: cannot read the schedule of {}: {}", sync.name(), e.getMessage());
      }
    }
  }

  private static Instant next(Trigger trigger, Instant after) {
    Date fire = trigger.getFireTimeAfter(Date.from(after));
    return fire == null ? null : fire.toInstant();
  }

  private AlertSender sender(AlertsConfig alerts) {
    if (!alerts.equals(senderConfig)) {
      sender = AlertSender.create(alerts, store, connectors.http(), connectors.clock(), metrics);
      senderConfig = alerts;
    }
    return sender;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
