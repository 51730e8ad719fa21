package io.github.pqlconnector.sources.mixpanel;

import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.AnalyticsSourceProvider;
import io.github.pqlconnector.core.spi.SourceConfig;
import io.github.pqlconnector.core.spi.SourceContext;

/** {@code type: mixpanel}. Each source gets its own {@link HttpClients} root, shut down when it closes. */
public final class MixpanelSourceProvider implements AnalyticsSourceProvider {
  @Override
  public String type() {
    return "mixpanel";
  }

  @Override
  public Class<MixpanelConfig> configType() {
    return MixpanelConfig.class;
  }

  @Override
  public AnalyticsSource create(SourceConfig config, SourceContext context) {
    return new MixpanelSource((MixpanelConfig) config, context.name(), context.http());
  }
}
