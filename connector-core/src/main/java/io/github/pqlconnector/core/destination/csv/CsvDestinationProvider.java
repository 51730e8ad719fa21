package io.github.pqlconnector.core.destination.csv;

import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmDestinationProvider;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.DestinationContext;

/** The built-in {@code type: csv} destination. */
public final class CsvDestinationProvider implements CrmDestinationProvider {
  @Override
  public String type() {
    return "csv";
  }

  @Override
  public Class<CsvConfig> configType() {
    return CsvConfig.class;
  }

  @Override
  public CrmDestination create(DestinationConfig config, DestinationContext context) {
    return new CsvDestination((CsvConfig) config, "destinations." + context.name());
  }
}
