package io.github.pqlconnector.core.testing;

import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.AnalyticsSourceProvider;
import io.github.pqlconnector.core.spi.SourceConfig;
import io.github.pqlconnector.core.spi.SourceContext;
import java.nio.file.Path;

/** {@code type: testjsonl} with {@code directory:}; registered for core's tests only. */
public final class JsonLinesSourceProvider implements AnalyticsSourceProvider {
  /** The test source's config. */
  public record Config(String directory) implements SourceConfig {}

  @Override
  public String type() {
    return "testjsonl";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public AnalyticsSource create(SourceConfig config, SourceContext context) {
    return new JsonLinesSource(Path.of(((Config) config).directory()));
  }
}
