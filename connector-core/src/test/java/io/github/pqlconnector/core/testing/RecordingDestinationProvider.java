package io.github.pqlconnector.core.testing;

import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmDestinationProvider;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.DestinationContext;
import io.github.pqlconnector.core.spi.TaskPolicy;

/** {@code type: recording}: hands out one shared {@link RecordingDestination} so a test can inspect it. */
public final class RecordingDestinationProvider implements CrmDestinationProvider {
  /** Its config: only the task policy. */
  public record Config(TaskPolicy tasks) implements DestinationConfig {
    public Config {
      tasks = tasks == null ? TaskPolicy.none() : tasks;
    }
  }

  private final RecordingDestination destination;

  public RecordingDestinationProvider(RecordingDestination destination) {
    this.destination = destination;
  }

  @Override
  public String type() {
    return "recording";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public CrmDestination create(DestinationConfig config, DestinationContext context) {
    return destination;
  }
}
