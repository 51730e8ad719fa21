package io.github.pqlconnector.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The commented starter config {@code pql init} writes, and the files in {@code examples/} are: a header with the
 * state database, one source block, a small model to edit, one destination block and a sync, each a resource
 * under {@code init/}. Secrets are {@code ${ENV}} placeholders. The first line is the modeline with which editors
 * (yaml-language-server) complete and check the keys against the JSON Schema.
 */
final class StarterConfig {
  static final List<String> SOURCES = List.of("file", "jdbc", "mixpanel", "amplitude", "posthog");
  static final List<String> DESTINATIONS = List.of("csv", "hubspot", "salesforce", "bitrix24");

  private StarterConfig() {}

  /** What the examples' modeline points to: the schema beside them, in the repository and in the release. */
  static final String EXAMPLES_SCHEMA = "../schema/pql.schema.json";

  /** The starter config, its first line telling yaml-language-server where the schema is ({@code schemaRef}). */
  static String of(String source, String destination, String schemaRef) {
    if (!SOURCES.contains(source)) {
      throw new IllegalArgumentException("unknown source type '" + source + "'; one of " + SOURCES);
    }
    if (!DESTINATIONS.contains(destination)) {
      throw new IllegalArgumentException("unknown destination type '" + destination + "'; one of " + DESTINATIONS);
    }
    return "# yaml-language-server: $schema=" + schemaRef + "\n" + part("header").replace("{source}", source).replace("{destination}", destination)
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
