package io.github.pqlconnector.sources.jdbc;

import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.AnalyticsSourceProvider;
import io.github.pqlconnector.core.spi.SourceConfig;
import io.github.pqlconnector.core.spi.SourceContext;

/** {@code type: jdbc}. */
public final class JdbcSourceProvider implements AnalyticsSourceProvider {
  @Override
  public String type() {
    return "jdbc";
  }

  @Override
  public Class<JdbcSourceConfig> configType() {
    return JdbcSourceConfig.class;
  }

  @Override
  public AnalyticsSource create(SourceConfig config, SourceContext context) {
    return new JdbcSource((JdbcSourceConfig) config);
  }
}
