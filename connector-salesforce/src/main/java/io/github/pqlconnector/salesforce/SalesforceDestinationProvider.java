package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmDestinationProvider;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.DestinationContext;

/** The {@code type: salesforce} destination, on its own {@link HttpClients} root, shut down when it closes. */
public final class SalesforceDestinationProvider implements CrmDestinationProvider {
  @Override
  public String type() {
    return "salesforce";
  }

  @Override
  public Class<SalesforceConfig> configType() {
    return SalesforceConfig.class;
  }

  @Override
  public CrmDestination create(DestinationConfig config, DestinationContext context) {
    return SalesforceDestination.create((SalesforceConfig) config, context, context.http());
  }
}
