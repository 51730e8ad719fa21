package io.github.pqlconnector.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pqlconnector.core.config.schema.ConfigReference;
import io.github.pqlconnector.core.config.schema.ConfigSchema;
import io.github.pqlconnector.core.spi.Plugins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pql schema}: the config file's JSON Schema, generated from the config records of core and every plugin on
 * the class path; the release ships it as {@code schema/pql.schema.json} and the starter configs point editors to it.
 */
@Command(name = "schema", description = "Print the JSON Schema of the config file (for editors: yaml-language-server"
    + " completes and checks keys with it), or the configuration reference in Markdown.")
final class SchemaCommand implements Callable<Integer> {
  /** What {@code pql schema} prints. */
  enum Format { json, markdown }

  @Option(names = "--output", paramLabel = "FILE", description = "Write it to FILE instead of standard output.")
  @Nullable Path output;
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json", description = "json (the JSON Schema,"
      + " default) or markdown (the configuration reference, docs/configuration.md).")
  Format format;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The schema as the release ships it: indented, keys in a stable order, one newline at the end. */
  static String text(Plugins plugins, Format format) throws IOException {
    ObjectNode schema = ConfigSchema.of(plugins);
    return format == Format.markdown ? ConfigReference.markdown(schema)
        : new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(schema) + "\n";
  }

  @Override
  public Integer call() throws IOException {
    String schema = text(Plugins.load(), format);
    if (output == null) {
      spec.commandLine().getOut().print(schema);
      spec.commandLine().getOut().flush();
    } else {
      if (output.toAbsolutePath().getParent() != null) {
        Files.createDirectories(output.toAbsolutePath().getParent());
      }
      Files.writeString(output, schema, StandardCharsets.UTF_8);
    }
    return ExitCodes.OK;
  }
}
