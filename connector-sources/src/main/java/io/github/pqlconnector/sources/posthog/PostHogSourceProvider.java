package io.github.pqlconnector.sources.posthog;

import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.AnalyticsSourceProvider;
import io.github.pqlconnector.core.spi.SourceConfig;
import io.github.pqlconnector.core.spi.SourceContext;

/** {@code type: posthog}. Each source gets its own {@link HttpClients} root, shut down when it closes. */
public final class PostHogSourceProvider implements AnalyticsSourceProvider {
  @Override
  public String type() {
    return "posthog";
  }

  @Override
  public Class<PostHogConfig> configType() {
    return PostHogConfig.class;
  }

  @Override
  public AnalyticsSource create(SourceConfig config, SourceContext context) {
    return new PostHogSource((PostHogConfig) config, context.name(), context.http());
  }
}
