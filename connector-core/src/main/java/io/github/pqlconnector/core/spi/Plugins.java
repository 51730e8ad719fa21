package io.github.pqlconnector.core.spi;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/** Every source and destination provider on the class path, by type. Two providers for one type fail fast. */
public final class Plugins {
  private final Map<String, AnalyticsSourceProvider> sources;
  private final Map<String, CrmDestinationProvider> destinations;

  public Plugins(Iterable<AnalyticsSourceProvider> sources, Iterable<CrmDestinationProvider> destinations) {
    this.sources = byType(sources, AnalyticsSourceProvider::type, "analytics sources");
    this.destinations = byType(destinations, CrmDestinationProvider::type, "CRM destinations");
  }

  public static Plugins load() {
    return new Plugins(ServiceLoader.load(AnalyticsSourceProvider.class),
        ServiceLoader.load(CrmDestinationProvider.class));
  }

  public Optional<AnalyticsSourceProvider> source(String type) {
    return Optional.ofNullable(sources.get(type));
  }

  public Optional<CrmDestinationProvider> destination(String type) {
    return Optional.ofNullable(destinations.get(type));
  }

  public java.util.Set<String> sourceTypes() {
    return sources.keySet();
  }

  public java.util.Set<String> destinationTypes() {
    return destinations.keySet();
  }

  private static <P> Map<String, P> byType(Iterable<P> providers, Function<P, String> type, String what) {
    Map<String, P> byType = new TreeMap<>();
    for (P provider : providers) {
      P previous = byType.putIfAbsent(type.apply(provider), provider);
      if (previous != null) {
        throw new IllegalStateException("Two %s claim type '%s': %s and %s".formatted(what,
            type.apply(provider), previous.getClass().getName(), provider.getClass().getName()));
      }
    }
    return byType;
  }
}
