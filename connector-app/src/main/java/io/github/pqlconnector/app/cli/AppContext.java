package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.alert.AlertMetrics;
import io.github.pqlconnector.core.alert.AlertQueue;
import io.github.pqlconnector.core.alert.AlertSender;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.SyncRunner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.LoggerFactory;

/** What a command works with: the loaded config, the state store (opened on first use), the connectors. */
final class AppContext implements AutoCloseable {
  private final PqlConfig config;
  private final ConfigLoader loader;
  private final Connectors connectors;
  private final AlertMetrics alertMetrics = new AlertMetrics(new SimpleMeterRegistry());
  private StateStore store;

  private AppContext(PqlConfig config, ConfigLoader loader, Connectors connectors) {
    this.config = config;
    this.loader = loader;
    this.connectors = connectors;
  }

  static AppContext load(Path configFile) {
    Plugins plugins = Plugins.load();
    ConfigLoader loader = ConfigLoader.withSystemEnv(plugins);
    return new AppContext(loader.load(configFile), loader, new Connectors(plugins, Clock.systemUTC()));
  }

  /** The loader the config came from, for other files of the same shape (a model file). */
  ConfigLoader loader() {
    return loader;
  }

  PqlConfig config() {
    return config;
  }

  Connectors connectors() {
    return connectors;
  }

  StateStore store() {
    if (store == null) {
      store = StateStore.open(config.state());
    }
    return store;
  }

  /** The runner of the config's syncs; its runs queue the config's alerts ({@link #sendAlerts} delivers them). */
  SyncRunner runner() {
    return new SyncRunner(config, store(), connectors, AlertQueue.of(config.alerts(), store(), connectors.clock(),
        alertMetrics));
  }

  /** One delivery pass over the queued alerts after a run; what fails waits for the next run or {@code pql serve}. */
  void sendAlerts() {
    if (!config.alerts().enabled() || store == null) {
      return;
    }
    try {
      AlertSender.create(config.alerts(), store, connectors.http(), connectors.clock(), alertMetrics).sendDue();
    } catch (RuntimeException e) {   // never the run's outcome, never its exit code
      LoggerFactory.getLogger(AppContext.class).warn("alerts: not sent now ({}); they wait in the state database",
          e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }
}
