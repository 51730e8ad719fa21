package io.github.pqlconnector.sources.file;

import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.AnalyticsSourceProvider;
import io.github.pqlconnector.core.spi.SourceConfig;
import io.github.pqlconnector.core.spi.SourceContext;

/** {@code type: file}. */
public final class FileSourceProvider implements AnalyticsSourceProvider {
  @Override
  public String type() {
    return "file";
  }

  @Override
  public Class<FileSourceConfig> configType() {
    return FileSourceConfig.class;
  }

  @Override
  public AnalyticsSource create(SourceConfig config, SourceContext context) {
    return new FileSource((FileSourceConfig) config);
  }
}
