package io.github.pqlconnector.app.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pql init}: a commented starter config for one source and one destination. */
@Command(name = "init", description = "Write a commented starter config for a source and a destination (asked for"
    + " on a terminal when not given). Never overwrites a file without --force.")
final class InitCommand implements Callable<Integer> {
  @Option(names = "--source", paramLabel = "TYPE", description = "file (default), jdbc, mixpanel, amplitude or posthog.")
  @Nullable String source;
  @Option(names = "--destination", paramLabel = "TYPE", description = "csv (default), hubspot, salesforce or bitrix24.")
  @Nullable String destination;
  @Option(names = "--output", paramLabel = "FILE", defaultValue = "pql.yaml",
      description = "Where to write it (default: ${DEFAULT-VALUE}).")
  Path output;
  @Option(names = "--force", description = "Replace the file if it exists.")
  boolean force;
  @Option(names = "--schema", paramLabel = "PATH|URL", description = "What the first line points editors to"
      + " (default: this installation's schema/pql.schema.json, relative to the file).")
  @Nullable String schema;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (Files.exists(output) && !force) {
      err.println(output + " exists; pass --force to replace it");
      return ExitCodes.BAD_CONFIG;
    }
    Console console = source == null && destination == null ? System.console() : null;
    String sourceType = source != null ? source : ask(console, "source", StarterConfig.SOURCES);
    String destinationType = destination != null ? destination : ask(console, "destination",
        StarterConfig.DESTINATIONS);
    String yaml;
    try {
      yaml = StarterConfig.of(sourceType, destinationType, schemaRef());
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return ExitCodes.BAD_CONFIG;
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(output, yaml);
    spec.commandLine().getOut().printf("wrote %s (%s → %s); fill in the placeholders, then: pql validate -c %s%n",
        output, sourceType, destinationType, output);
    return ExitCodes.OK;
  }

  /** The given reference, else the installed schema relative to the output, else a schema file next to it. */
  private String schemaRef() {
    if (schema != null) {
      return schema;
    }
    Optional<Path> installed = InstalledSchema.find();
    if (installed.isEmpty()) {
      spec.commandLine().getErr().println("no installed schema found; for completion in your editor write it next to"
          + " the config: pql schema --output " + output.toAbsolutePath().resolveSibling("pql.schema.json"));
      return "pql.schema.json";
    }
    return InstalledSchema.relativeTo(output, installed.get());
  }

  /** The first choice without a terminal; on one, asks until the answer is one of the choices (empty: the first). */
  private static String ask(@Nullable Console console, String what, List<String> choices) {
    if (console == null) {
      return choices.get(0);
    }
    while (true) {
      String answer = console.readLine("%s (%s) [%s]: ", what, String.join(", ", choices), choices.get(0));
      if (answer == null || answer.isBlank()) {
        return choices.get(0);
      }
      if (choices.contains(answer.strip())) {
        return answer.strip();
      }
      console.printf("'%s' is not one of %s%n", answer.strip(), choices);
    }
  }
}
