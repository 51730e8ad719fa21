package io.github.pqlconnector.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped schema is the generated one, and what users copy validates against it: every example and every YAML
 * block in the README (InitCommandTest checks what {@code pql init} writes). A misspelt key is refused where the editor shows it.
 */
class ConfigSchemaTest {
  static final Path REPO = Path.of("..");
  static final Path SHIPPED = REPO.resolve("schema/pql.schema.json");
  static final Pattern YAML_BLOCK = Pattern.compile("```ya?ml\\n(.*?)```", Pattern.DOTALL);
  final SchemaValidation schema = SchemaValidation.ofPlugins();

  @Test
  void theShippedSchemaIsTheGeneratedOne() throws IOException {
    assertThat(Cli.pql("schema").code()).isZero();
    assertThat(SHIPPED).as("regenerate with: bin/pql schema --output schema/pql.schema.json")
        .hasContent(SchemaCommand.text(ShippedPlugins.load(), SchemaCommand.Format.json));
  }

  @Test
  void theReferenceIsTheGeneratedOne() throws IOException {
    assertThat(Cli.pql("schema", "--format", "markdown").code()).isZero();
    assertThat(REPO.resolve("docs/configuration.md"))
        .as("regenerate with: bin/pql schema --format markdown --output docs/configuration.md")
        .hasContent(SchemaCommand.text(ShippedPlugins.load(), SchemaCommand.Format.markdown));
  }

  /** Editors refuse a schema that is not itself valid: checked against draft 7's meta-schema. */
  @Test
  void theSchemaIsAValidDraft7Schema() throws IOException {
    JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
        .getSchema(SchemaLocation.of(SchemaId.V7));
    assertThat(meta.validate(new ObjectMapper().readTree(SHIPPED.toFile()))).isEmpty();
  }

  @Test
  void everyExampleIsValid() throws IOException {
    try (Stream<Path> examples = Files.list(REPO.resolve("examples"))) {
      List<Path> files = examples.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(files).hasSizeGreaterThanOrEqualTo(8);
      for (Path file : files) {
        assertThat(schema.problems(Files.readString(file))).as(file.toString()).isEmpty();
      }
    }
  }

  @Test
  void everyReadmeBlockIsValid() throws IOException {
    List<String> blocks = yamlBlocks(Files.readString(REPO.resolve("README.md")));
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(8);
    for (String block : blocks) {
      assertThat(schema.fragmentProblems(block)).as(block).isEmpty();
    }
  }

  @Test
  void aMisspeltKeyIsRefusedWhereItIs() throws IOException {
    String example = Files.readString(REPO.resolve("examples/file-to-hubspot.yaml"));
    assertThat(schema.problems(example.replace("    events: ", "    event: ")))
        .anySatisfy(p -> assertThat(p).contains("$.sources.product").contains("event").contains("not defined"));
    assertThat(schema.problems(example.replace("\nsyncs:", "\nsync:")))
        .anySatisfy(p -> assertThat(p).contains("sync").contains("not defined"))
        .anySatisfy(p -> assertThat(p).contains("required property 'syncs'"));
    assertThat(schema.problems(example.replace("    type: hubspot", "    type: hubspto")))
        .anySatisfy(p -> assertThat(p).contains("$.destinations.crm.type").contains("enumeration"));
  }

  @Test
  void aSecretMustBeAReference() throws IOException {
    String example = Files.readString(REPO.resolve("examples/file-to-hubspot.yaml"));
    assertThat(example).contains("${HUBSPOT_TOKEN}");
    assertThat(schema.problems(example.replace("${HUBSPOT_TOKEN}", "pat-na1-literal")))
        .anySatisfy(p -> assertThat(p).contains("$.destinations.crm.token"));
  }

  private static List<String> yamlBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = YAML_BLOCK.matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }
}
