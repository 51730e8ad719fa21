package io.github.pqlconnector.core.testing;

import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.AnalyticsSourceProvider;
import io.github.pqlconnector.core.spi.SourceConfig;
import io.github.pqlconnector.core.spi.SourceContext;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code type: testincremental} with {@code directory:} and {@code lateData:}; every source it creates
 * shares one {@link IncrementalJsonLinesSource.Control}, so a test can inject failures into a later run.
 * Not registered through {@code META-INF/services}: tests pass it to {@code Plugins} themselves.
 */
public final class IncrementalJsonLinesSourceProvider implements AnalyticsSourceProvider {
  /** The test source's config. */
  public record Config(String directory, Duration lateData) implements SourceConfig {
    public Config {
      lateData = lateData == null ? Duration.ZERO : lateData;
    }
  }

  private final IncrementalJsonLinesSource.Control control;

  public IncrementalJsonLinesSourceProvider(IncrementalJsonLinesSource.Control control) {
    this.control = control;
  }

  @Override
  public String type() {
    return "testincremental";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public AnalyticsSource create(SourceConfig config, SourceContext context) {
    Config c = (Config) config;
    return new IncrementalJsonLinesSource(Path.of(c.directory()), c.lateData(), control);
  }
}
