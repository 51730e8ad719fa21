package io.github.pqlconnector.core.config;

import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.SourceConfig;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole config file, bound and validated. Sources and destinations keep their YAML key as name and
 * their {@code type} next to the typed config.
 */
public record PqlConfig(StateConfig state, Map<String, Named<SourceConfig>> sources, ModelConfig model,
    Map<String, Named<DestinationConfig>> destinations, List<SyncConfig> syncs, AdminConfig admin,
    AlertsConfig alerts) {

  /**
   * A source or destination block: its name (YAML key), {@code type}, and typed config. {@code recheckUnmatched}
   * is a destination's common key (next to {@code type}, read by core, not by the vendor's config): how long a
   * record the destination did not find is remembered as not found before it is looked up again.
   */
  public record Named<C>(String name, String type, C config, Duration recheckUnmatched) {
    /** The default re-check interval of unmatched records: one day. */
    public static final Duration DEFAULT_RECHECK_UNMATCHED = Duration.ofDays(1);

    public Named(String name, String type, C config) {
      this(name, type, config, DEFAULT_RECHECK_UNMATCHED);
    }

    public Named {
      recheckUnmatched = recheckUnmatched == null ? DEFAULT_RECHECK_UNMATCHED : recheckUnmatched;
    }
  }

  public PqlConfig {
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    destinations = Collections.unmodifiableMap(new LinkedHashMap<>(destinations));
    syncs = List.copyOf(syncs);
    alerts = alerts == null ? AlertsConfig.defaults() : alerts;
  }

  /** The config without an {@code alerts:} block. */
  public PqlConfig(StateConfig state, Map<String, Named<SourceConfig>> sources, ModelConfig model,
      Map<String, Named<DestinationConfig>> destinations, List<SyncConfig> syncs, AdminConfig admin) {
    this(state, sources, model, destinations, syncs, admin, AlertsConfig.defaults());
  }

  /** The same config with other syncs. */
  public PqlConfig withSyncs(List<SyncConfig> replaced) {
    return new PqlConfig(state, sources, model, destinations, replaced, admin, alerts);
  }

  public Optional<SyncConfig> sync(String name) {
    return syncs.stream().filter(s -> name.equals(s.name())).findFirst();
  }

  /** The named sync, or the only one when {@code name} is null; a usage error otherwise. */
  public SyncConfig pickSync(String name) {
    if (name != null) {
      return sync(name).orElseThrow(() -> ConfigException.of("--sync", "no sync named '" + name
          + "'; known: " + String.join(", ", syncs.stream().map(SyncConfig::name).toList())));
    }
    if (syncs.size() != 1) {
      throw ConfigException.of("--sync", syncs.isEmpty() ? "the config has no syncs"
          : "the config has " + syncs.size() + " syncs; name one with --sync");
    }
    return syncs.get(0);
  }
}
