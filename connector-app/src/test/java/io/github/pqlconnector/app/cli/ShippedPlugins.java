package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.spi.AnalyticsSourceProvider;
import io.github.pqlconnector.core.spi.CrmDestinationProvider;
import io.github.pqlconnector.core.spi.Plugins;
import java.util.List;
import java.util.ServiceLoader;

/** The plugins the release ships: those on the test class path less core's test fakes. */
final class ShippedPlugins {
  private static final String TEST_FAKES = "io.github.pqlconnector.core.testing";

  private ShippedPlugins() {}

  static Plugins load() {
    return new Plugins(shipped(AnalyticsSourceProvider.class), shipped(CrmDestinationProvider.class));
  }

  private static <P> List<P> shipped(Class<P> type) {
    return ServiceLoader.load(type).stream().filter(p -> !p.type().getPackageName().startsWith(TEST_FAKES))
        .map(ServiceLoader.Provider::get).toList();
  }
}
