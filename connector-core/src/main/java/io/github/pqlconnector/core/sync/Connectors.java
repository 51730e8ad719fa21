package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.config.SyncConfig;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.DestinationContext;
import io.github.pqlconnector.core.spi.DestinationStore;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.spi.SourceConfig;
import io.github.pqlconnector.core.spi.SourceContext;
import io.github.pqlconnector.core.state.JdbcDestinationStore;
import io.github.pqlconnector.core.state.StateStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Creates sources and destinations from their config blocks through the discovered providers, all on one HTTP pool
 * (one connection pool and dispatcher for the process, as OkHttp recommends). With a state store ({@link
 * #withState}, as every {@link SyncRunner} uses it) a destination's {@link DestinationStore} is kept there under its
 * name; without one it is in memory.
 */
public final class Connectors {
  private final Plugins plugins;
  private final Clock clock;
  private final MeterRegistry metrics;
  private final HttpClients http;
  private final @Nullable StateStore state;

  public Connectors(Plugins plugins, Clock clock) {
    this(plugins, clock, new SimpleMeterRegistry());
  }

  public Connectors(Plugins plugins, Clock clock, MeterRegistry metrics) {
    this(plugins, clock, metrics, new HttpClients(), null);
  }

  private Connectors(Plugins plugins, Clock clock, MeterRegistry metrics, HttpClients http,
      @Nullable StateStore state) {
    this.plugins = plugins;
    this.clock = clock;
    this.metrics = metrics;
    this.http = http;
    this.state = state;
  }

  /** The same connectors, keeping destinations' stores in {@code store}. */
  public Connectors withState(StateStore store) {
    return store == state ? this : new Connectors(plugins, clock, metrics, http, store);
  }

  /** The one HTTP pool every source and destination made here derives its client from. */
  public HttpClients http() {
    return http;
  }

  public Clock clock() {
    return clock;
  }

  public AnalyticsSource source(PqlConfig.Named<SourceConfig> named) {
    return plugins.source(named.type())
        .orElseThrow(() -> ConfigException.of("sources." + named.name() + ".type", "unknown type " + named.type()))
        .create(named.config(), new SourceContext(named.name(), clock, http));
  }

  /** As {@link #syncSource(PqlConfig, SyncConfig, CrmDestination)} without the CRM: its traits as stored. */
  public AnalyticsSource syncSource(PqlConfig config, SyncConfig sync) {
    return syncSource(config, sync, null);
  }

  /**
   * The sync's event source, with its traits from the sync's {@code traits:} in priority order when it lists more than
   * the event source: other sources, and the sync's destination (its records' CRM fields, read through {@code
   * destination} and kept in the state store; without it, as last stored).
   */
  public AnalyticsSource syncSource(PqlConfig config, SyncConfig sync, @Nullable CrmDestination destination) {
    AnalyticsSource events = source(config.sources().get(sync.source()));
    List<String> names = sync.traitSources();
    if (names.equals(List.of(sync.source()))) {
      return events;
    }
    List<LayeredTraits.Provider> providers = new ArrayList<>();
    try {
      for (String name : names) {
        providers.add(new LayeredTraits.Provider(name, name.equals(sync.source()) ? events
            : name.equals(sync.destination()) ? crmTraits(sync, destination) : source(config.sources().get(name))));
      }
    } catch (RuntimeException e) {
      providers.stream().map(LayeredTraits.Provider::source).filter(s -> s != events).forEach(AnalyticsSource::close);
      events.close();
      throw e;
    }
    return new LayeredTraits(events, providers);
  }

  private AnalyticsSource crmTraits(SyncConfig sync, @Nullable CrmDestination destination) {
    if (state == null) {
      throw new IllegalStateException("traits from the destination need the state store");
    }
    if (destination != null && destination.traitReader().isEmpty()) {
      throw ConfigException.of("destinations." + sync.destination() + ".traits",
          "is not configured, so the sync's traits: cannot name the destination");
    }
    return new CrmTraits(state, sync.name(), destination, destination == null ? 1 : destination.readBatchSize(), clock);
  }

  /** The destination, its calls counted as {@code pql.destination.calls} by destination, operation and outcome. */
  public CrmDestination destination(PqlConfig.Named<DestinationConfig> named) {
    CrmDestination destination = plugins.destination(named.type())
        .orElseThrow(() -> ConfigException.of("destinations." + named.name() + ".type", "unknown type " + named.type()))
        .create(named.config(), new DestinationContext(named.name(), clock, metrics, http, store(named.name())));
    return new MeteredDestination(destination, named.name(), metrics);
  }

  private DestinationStore store(String destination) {
    return state == null ? DestinationStore.inMemory() : new JdbcDestinationStore(state, destination, clock);
  }
}
