package io.github.pqlconnector.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.Plugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pql init} and {@code examples/}: every starter config loads, and a file is never overwritten unasked. */
class InitCommandTest {
  static final Path EXAMPLES = Path.of("..", "examples");
  /** Any ${NAME} resolves, as it would with the variables set: the placeholders are what is checked here. */
  final ConfigLoader loader = new ConfigLoader(Plugins.load(), name -> name.equals("BITRIX24_WEBHOOK_URL")
      ? "https://acme.bitrix24.com/rest/1/placeholder/" : "placeholder-for-" + name);
  final SchemaValidation schema = SchemaValidation.ofPlugins();
  @TempDir Path dir;
  String err;

  @Test
  void everySourceAndDestinationGivesAConfigThatLoads() throws IOException {
    for (String source : StarterConfig.SOURCES) {
      for (String destination : StarterConfig.DESTINATIONS) {
        Path file = dir.resolve(source + "-" + destination + ".yaml");
        assertThat(pql("init", "--source", source, "--destination", destination, "--output", file.toString()))
            .isZero();
        PqlConfig config = load(file);
        assertThat(config.sources().get("product").type()).isEqualTo(source);
        assertThat(config.destinations().get("crm").type()).isEqualTo(destination);
        assertThat(config.syncs()).hasSize(1);
        assertThat(Files.readString(file)).doesNotContain("placeholder-for-");
        assertThat(schema.problems(Files.readString(file))).as(file.toString()).isEmpty();
      }
    }
  }

  @Test
  void anExistingFileIsKeptUnlessForced() throws IOException {
    Path file = dir.resolve("pql.yaml");
    Files.writeString(file, "mine\n");
    assertThat(pql("init", "--output", file.toString())).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(err).contains("exists; pass --force");
    assertThat(Files.readString(file)).isEqualTo("mine\n");
    assertThat(pql("init", "--output", file.toString(), "--force")).isZero();
    assertThat(load(file).sources().get("product").type()).isEqualTo("file");
  }

  /** The first line tells the editor where the schema is: as given, or the installed one relative to the file. */
  @Test
  void theFirstLinePointsEditorsToTheSchema() throws IOException {
    Path file = dir.resolve("conf/pql.yaml");
    assertThat(pql("init", "--output", file.toString(), "--schema", "https://example.com/pql.schema.json")).isZero();
    assertThat(Files.readString(file)).startsWith("# yaml-language-server: $schema=https://example.com/pql.schema.json\n");
    Path installed = dir.resolve("pql-1.0/schema/pql.schema.json");
    assertThat(InstalledSchema.relativeTo(file, installed)).isEqualTo("../pql-1.0/schema/pql.schema.json");
    assertThat(InstalledSchema.relativeTo(dir.resolve("pql-1.0/examples/a.yaml"), installed))
        .isEqualTo(StarterConfig.EXAMPLES_SCHEMA);
    assertThat(InstalledSchema.relativeTo(dir.resolve("a/b/c/pql.yaml"), installed))
        .isEqualTo(installed.toUri().toString());
  }

  @Test
  void anUnknownTypeIsAUsageError() {
    assertThat(pql("init", "--source", "segment", "--output", dir.resolve("x.yaml").toString()))
        .isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(err).contains("unknown source type 'segment'; one of [file, jdbc, mixpanel, amplitude, posthog]");
  }

  /** The examples are what init writes: one per source (into csv files) and one per CRM (from a file source). */
  @Test
  void theExamplesAreUpToDateAndLoad() throws IOException {
    for (String source : StarterConfig.SOURCES) {
      assertExample(source, "csv");
    }
    for (String crm : StarterConfig.DESTINATIONS.subList(1, StarterConfig.DESTINATIONS.size())) {
      assertExample("file", crm);
    }
  }

  private void assertExample(String source, String destination) throws IOException {
    Path example = EXAMPLES.resolve(source + "-to-" + destination + ".yaml");
    assertThat(example).as("regenerate with: pql init --source %s --destination %s --schema %s --output %s --force",
        source, destination, StarterConfig.EXAMPLES_SCHEMA, example)
        .hasContent(StarterConfig.of(source, destination, StarterConfig.EXAMPLES_SCHEMA));
    load(example);
  }

  /** Loaded as after the user put their export where the file source's starter says (./data/…). */
  private PqlConfig load(Path file) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    for (String name : new String[] {"events.jsonl", "users.csv", "accounts.csv"}) {
      if (!Files.exists(data.resolve(name))) {
        Files.writeString(data.resolve(name), "");
      }
    }
    return loader.parse(Files.readString(file).replace("./data/", data + "/"));
  }

  private int pql(String... args) {
    Cli cli = Cli.pql(args);
    err = cli.err();
    return cli.code();
  }

}
