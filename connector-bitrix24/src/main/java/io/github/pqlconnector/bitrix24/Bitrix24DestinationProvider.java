package io.github.pqlconnector.bitrix24;

import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmDestinationProvider;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.DestinationContext;

/**
 * The {@code type: bitrix24} destination. Each destination gets its own {@link HttpClients} root, shut down when it
 * closes. Pacing uses the real clocks ({@link Bitrix24Timing#SYSTEM}), not the context's clock, which may be a fixed
 * one for the PQL engine.
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
    return Bitrix24Destination.create((Bitrix24Config) config, context, new HttpClients(), timing);
  }
}
