package io.github.pqlconnector.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.pqlconnector.core.config.schema.ConfigSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** YAML checked against the generated schema as an editor would: what it reports, one line per problem. */
final class SchemaValidation {
  private static final YAMLMapper YAML = new YAMLMapper();
  private final JsonSchema whole;
  private final JsonSchema fragment;

  SchemaValidation(ObjectNode schema) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    whole = factory.getSchema(schema);
    ObjectNode anyParts = schema.deepCopy();
    anyParts.remove("required");
    fragment = factory.getSchema(anyParts);
  }

  static SchemaValidation ofPlugins() {
    return new SchemaValidation(ConfigSchema.of(ShippedPlugins.load()));
  }

  /** The problems of a whole config file. */
  List<String> problems(String yaml) {
    return report(whole, yaml);
  }

  /** The problems of a part of a config file (as the README shows them): the root's required keys may be missing. */
  List<String> fragmentProblems(String yaml) {
    return report(fragment, yaml);
  }

  private static List<String> report(JsonSchema schema, String yaml) {
    JsonNode node;
    try {
      node = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
