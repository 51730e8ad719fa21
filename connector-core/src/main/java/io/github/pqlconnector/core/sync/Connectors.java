package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.DestinationContext;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.spi.SourceConfig;
import io.github.pqlconnector.core.spi.SourceContext;
import java.time.Clock;

/** Creates sources and destinations from their config blocks through the discovered providers. */
public final class Connectors {
  private final Plugins plugins;
  private final Clock clock;

  public Connectors(Plugins plugins, Clock clock) {
    this.plugins = plugins;
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  public AnalyticsSource source(PqlConfig.Named<SourceConfig> named) {
    return plugins.source(named.type())
        .orElseThrow(() -> ConfigException.of("sources." + named.name() + ".type", "unknown type " + named.type()))
        .create(named.config(), new SourceContext(named.name(), clock));
  }

  public CrmDestination destination(PqlConfig.Named<DestinationConfig> named) {
    return plugins.destination(named.type())
        .orElseThrow(() -> ConfigException.of("destinations." + named.name() + ".type", "unknown type " + named.type()))
        .create(named.config(), new DestinationContext(named.name(), clock));
  }
}
