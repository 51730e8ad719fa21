package io.github.pqlconnector.bitrix24;

import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmDestinationProvider;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.DestinationContext;

/**
 * The {@code type: bitrix24} destination, on the process's HTTP pool (the context's {@link HttpClients}).
 */
public final class Bitrix24DestinationProvider implements CrmDestinationProvider {
  private final Bitrix24Timing timing;

  public Bitrix24DestinationProvider() {
    this(Bitrix24Timing.SYSTEM);
  }

  Bitrix24DestinationProvider(Bitrix24Timing timing) {
    this.timing = timing;
  }

  @Override
  public String type() {
    return "bitrix24";
  }

  @Override
  public Class<Bitrix24Config> configType() {
    return Bitrix24Config.class;
  }

  @Override
  public CrmDestination create(DestinationConfig config, DestinationContext context) {
    return Bitrix24Destination.create((Bitrix24Config) config, context, context.http(), timing);
  }
}
