package io.github.pqlconnector.core.spi;

/**
 * Discovered with {@link java.util.ServiceLoader}; cheap and stateless. Creates the destination for a
 * config whose {@code type} equals {@link #type()}.
 */
public interface CrmDestinationProvider {
  String type();

  Class<? extends DestinationConfig> configType();

  CrmDestination create(DestinationConfig config, DestinationContext context);
}
