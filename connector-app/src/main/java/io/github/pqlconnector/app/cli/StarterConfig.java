package io.github.pqlconnector.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The commented starter config {@code pql init} writes, and the files in {@code examples/} are: a header with the
 * state database, one source block, a small model to edit, one destination block and a sync, each a resource
 * under {@code init/}. Secrets are {@code ${ENV}} placeholders.
 */
final class StarterConfig {
  static final List<String> SOURCES = List.of("file", "jdbc", "mixpanel", "amplitude", "posthog");
  static final List<String> DESTINATIONS = List.of("csv", "hubspot", "salesforce", "bitrix24");

  private StarterConfig() {}

  static String of(String source, String destination) {
    if (!SOURCES.contains(source)) {
      throw new IllegalArgumentException("unknown source type '" + source + "'; one of " + SOURCES);
    }
    if (!DESTINATIONS.contains(destination)) {
      throw new IllegalArgumentException("unknown destination type '" + destination + "'; one of " + DESTINATIONS);
    }
    return part("header").replace("{source}", source).replace("{destination}", destination)
        + part("source-" + source) + part("model") + part("destination-" + destination) + part("syncs");
  }

  private static String part(String name) {
    try (InputStream in = StarterConfig.class.getResourceAsStream("/init/" + name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("missing resource init/" + name + ".yaml");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
