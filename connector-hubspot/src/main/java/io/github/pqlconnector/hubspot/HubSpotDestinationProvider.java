package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmDestinationProvider;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.DestinationContext;
import java.time.Duration;

/**
 * The {@code type: hubspot} destination, on the process's HTTP pool (the context's {@link HttpClients}).
 */
public final class HubSpotDestinationProvider implements CrmDestinationProvider {
  private final Duration callTimeout;

  /** The provider {@code ServiceLoader} finds: calls time out after {@link HubSpotHttp#DEFAULT_CALL_TIMEOUT}. */
  public HubSpotDestinationProvider() {
    this(HubSpotHttp.DEFAULT_CALL_TIMEOUT);
  }

  /** A provider whose private-app calls time out sooner: for tests of answers that come too late. */
  public HubSpotDestinationProvider(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

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
    return HubSpotDestination.create((HubSpotConfig) config, context, context.http(), callTimeout);
  }
}
