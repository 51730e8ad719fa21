package io.github.pqlconnector.app.cli;

import picocli.CommandLine.Option;

/** {@code -o text|json}: text for people; JSON, in the admin API's shapes, for scripts. */
final class OutputFormat {
  /** How a command prints its answer. */
  enum Format { text, json }

  @Option(names = {"-o", "--output-format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default) or json (the admin API's shape; documented in the README).")
  Format format = Format.text;

  boolean json() {
    return format == Format.json;
  }
}
