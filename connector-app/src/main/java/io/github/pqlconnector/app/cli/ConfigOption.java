package io.github.pqlconnector.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -c/--config}, shared by every command that reads the config file. */
final class ConfigOption {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "pql.yaml",
      description = "The config file (default: ${DEFAULT-VALUE}).")
  Path file;
}
