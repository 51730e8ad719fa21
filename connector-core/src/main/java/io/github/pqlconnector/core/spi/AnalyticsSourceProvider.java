package io.github.pqlconnector.core.spi;

/**
 * Discovered with {@link java.util.ServiceLoader}; cheap and stateless. Creates the source for a config
 * whose {@code type} equals {@link #type()}.
 */
public interface AnalyticsSourceProvider {
  String type();

  Class<? extends SourceConfig> configType();

  AnalyticsSource create(SourceConfig config, SourceContext context);
}
