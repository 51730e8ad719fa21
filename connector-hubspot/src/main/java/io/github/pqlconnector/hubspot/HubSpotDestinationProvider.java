package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmDestinationProvider;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.DestinationContext;

/**
 * The {@code type: hubspot} destination, on the process's HTTP pool (the context's {@link HttpClients}).
 */
public final class HubSpotDestinationProvider implements CrmDestinationProvider {
  @Override
  public String type() {
    return "hubspot";
  }

  @Override
  public Class<HubSpotConfig> configType() {
    return HubSpotConfig.class;
  }

  @Override
  public CrmDestination create(DestinationConfig config, DestinationContext context) {
    return HubSpotDestination.create((HubSpotConfig) config, context, context.http());
  }
}
