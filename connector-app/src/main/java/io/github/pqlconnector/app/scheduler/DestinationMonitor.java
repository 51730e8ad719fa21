package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.app.admin.DestinationHealth;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.sync.Connectors;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every configured destination in the background ({@code pql validate}'s read-only probe, which calls the
 * vendor once, without retries) at start and then every {@link #EVERY}, on a thread of its own and never on a
 * request: the admin console reads the last results. A destination added by a reload is unknown until the next
 * pass; one whose type changed is unknown again.
 */
public final class DestinationMonitor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DestinationMonitor.class);
  public static final Duration EVERY = Duration.ofMinutes(5);

  private final Supplier<PqlConfig> config;
  private final Connectors connectors;
  private final Duration every;
  private final Map<String, DestinationHealth> last = new ConcurrentHashMap<>();
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "pql-destination-checks");
    t.setDaemon(true);
    return t;
  });

  /**
   * {@code config}: the config in force (it changes on reload); {@code connectors}: with the state store, so a
   * destination reads the tokens its runs keep there.
   */
  public DestinationMonitor(Supplier<PqlConfig> config, Connectors connectors, Duration every) {
    this.config = config;
    this.connectors = connectors;
    this.every = every;
  }

  public DestinationMonitor(Supplier<PqlConfig> config, Connectors connectors) {
    this(config, connectors, EVERY);
  }

  /** Checks now, in the background, then every {@code every}. */
  public void start() {
    thread.scheduleWithFixedDelay(this::checkAll, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Each configured destination's last check, in config order; unknown when it has not been checked. */
  public List<DestinationHealth> health() {
    return config.get().destinations().values().stream().map(named -> {
      DestinationHealth health = last.get(named.name());
      return health != null && health.type().equals(named.type()) ? health
          : DestinationHealth.unknown(named.name(), named.type());
    }).toList();
  }

  /** Every configured destination as not checked yet, in config order. */
  public static List<DestinationHealth> unchecked(PqlConfig config) {
    return config.destinations().values().stream().map(d -> DestinationHealth.unknown(d.name(), d.type())).toList();
  }

  /** One pass over every configured destination; a check that throws is a failing destination, not a dead thread. */
  void checkAll() {
    for (PqlConfig.Named<DestinationConfig> named : config.get().destinations().values()) {
      CheckResult result = check(named);
      if (!result.isOk()) {
        log.warn("destination {} ({}) check failed: {}", named.name(), named.type(), result.message());
      }
      last.put(named.name(), new DestinationHealth(named.name(), named.type(),
          result.isOk() ? DestinationHealth.OK : DestinationHealth.FAILING, result.message(),
          connectors.clock().instant()));
    }
  }

  /** Never the exception's message: a library's may quote a URL or a token, so validate's wording is used. */
  private CheckResult check(PqlConfig.Named<DestinationConfig> named) {
    try (CrmDestination destination = connectors.destination(named)) {
      return destination.check();
    } catch (RuntimeException e) {
      return CheckResult.failed(named.type(), e);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
