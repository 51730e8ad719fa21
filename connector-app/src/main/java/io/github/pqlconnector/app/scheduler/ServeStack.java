package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.app.admin.AdminServer;
import io.github.pqlconnector.core.alert.AlertMetrics;
import io.github.pqlconnector.core.alert.AlertQueue;
import io.github.pqlconnector.core.config.AdminConfig;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.SyncRunner;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import org.quartz.SchedulerException;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code pql serve} runs, started in order and stopped in reverse: the state store, the scheduler with
 * the syncs, the background destination checks, and the admin console and API in front of the {@link Daemon}.
 * Tests start the same stack the command does.
 */
public final class ServeStack implements AutoCloseable {
  private final StateStore store;
  private final SchedulerService scheduler;
  private final DestinationMonitor checks;
  private final AlertService alerts;
  private final Daemon daemon;
  private final AdminServer admin;

  private ServeStack(StateStore store, SchedulerService scheduler, DestinationMonitor checks, AlertService alerts,
      Daemon daemon, AdminServer admin) {
    this.store = store;
    this.scheduler = scheduler;
    this.checks = checks;
    this.alerts = alerts;
    this.daemon = daemon;
    this.admin = admin;
  }

  /**
   * Opens the state store and starts the rest; on a failure what was started is stopped again. Throws what the
   * parts throw: {@link io.github.pqlconnector.core.error.ConfigException} for an admin port in use, for instance.
   */
  public static ServeStack start(Path configFile, ConfigLoader loader, Plugins plugins, PqlConfig initial,
      SchedulerSettings settings, AdminConfig adminConfig) throws SchedulerException {
    StateStore store = StateStore.open(initial.state());
    SchedulerService scheduler = null;
    DestinationMonitor checks = null;
    AlertService alerts = null;
    try {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      RunMetrics metrics = new RunMetrics(registry, store);
      Connectors connectors = new Connectors(plugins, Clock.systemUTC(), registry);
      AlertMetrics alertMetrics = new AlertMetrics(registry);
      Function<PqlConfig, SyncRunner> runners = cfg -> new SyncRunner(cfg, store, connectors,
          AlertQueue.of(cfg.alerts(), store, connectors.clock(), alertMetrics));
      scheduler = new SchedulerService(store, initial.state(), settings, runners, metrics::record);
      checks = new DestinationMonitor(scheduler::config, connectors.withState(store));
      alerts = new AlertService(scheduler::config, store, connectors, alertMetrics, scheduler);
      scheduler.start(initial);
      checks.start();
      alerts.start();
      initial.syncs().forEach(s -> metrics.gaugeSync(s.name()));
      Daemon daemon = new Daemon(configFile, loader, store, scheduler, new PlanPreviews(scheduler::config, runners),
          checks, connectors);
      AdminServer admin = new AdminServer(daemon, adminConfig, registry);
      admin.start();
      return new ServeStack(store, scheduler, checks, alerts, daemon, admin);
    } catch (SchedulerException | RuntimeException e) {
      closeAll(alerts, checks, scheduler, store);
      throw e;
    }
  }

  public Daemon daemon() {
    return daemon;
  }

  public int adminPort() {
    return admin.port();
  }

  /** The admin server first (no new requests), then alerts and the checks, the scheduler (the running batch ends), the store. */
  @Override
  public void close() {
    admin.close();
    closeAll(alerts, checks, scheduler, store);
  }

  private static void closeAll(AutoCloseable... parts) {
    for (AutoCloseable part : parts) {
      if (part == null) {
        continue;
      }
      try {
        part.close();
      } catch (Exception e) {
        LoggerFactory.getLogger(ServeStack.class).warn("stopping {}: {}", part.getClass().getSimpleName(),
            e.getMessage());
      }
    }
  }
}
