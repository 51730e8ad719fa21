package io.github.pqlconnector.sources.amplitude;

import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.AnalyticsSourceProvider;
import io.github.pqlconnector.core.spi.SourceConfig;
import io.github.pqlconnector.core.spi.SourceContext;

/** {@code type: amplitude}. Each source gets its own {@link HttpClients} root, shut down when it closes. */
public final class AmplitudeSourceProvider implements AnalyticsSourceProvider {
  @Override
  public String type() {
    return "amplitude";
  }

  @Override
  public Class<AmplitudeConfig> configType() {
    return AmplitudeConfig.class;
  }

  @Override
  public AnalyticsSource create(SourceConfig config, SourceContext context) {
    return new AmplitudeSource((AmplitudeConfig) config, context.name(), context.http(), context.clock());
  }
}
