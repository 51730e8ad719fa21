package io.github.pqlconnector.core.config.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * {@code docs/configuration.md}: the configuration reference, rendered from the generated schema so that it lists
 * exactly the keys, types, defaults and descriptions the loader and the editors see. One table per block, each block
 * under the path where it goes in the file.
 */
public final class ConfigReference {
  private final ObjectNode schema;
  private final JsonNode definitions;
  private final StringBuilder out = new StringBuilder();

  private ConfigReference(ObjectNode schema) {
    this.schema = schema;
    this.definitions = schema.get("definitions");
  }

  public static String markdown(ObjectNode schema) {
    return new ConfigReference(schema).render();
  }

  private String render() {
    out.append("# Configuration reference\n\n")
        .append("<!-- Generated from the config records by `pql schema --format markdown`; do not edit by hand. -->\n\n")
        .append("Every key of the config file (`pql.yaml`). The same declarations give the JSON Schema that editors use")
        .append(" (`pql schema`, shipped as `schema/pql.schema.json`), so this page, the schema and the loader agree.")
        .append(" Any value may be a reference the loader substitutes: `${NAME}` (an environment variable) or")
        .append(" `${file:/path}` (a file's content); a secret can only be given that way.\n\n")
        .append("| Key | Required | What it holds |\n|---|---|---|\n");
    List<String> required = texts(schema.get("required"));
    schema.get("properties").fields().forEachRemaining(e -> out.append("| `").append(e.getKey()).append("` | ")
        .append(required.contains(e.getKey()) ? "yes" : "no").append(" | ")
        .append(cell(e.getValue().path("description").asText())).append(" |\n"));
    schema.get("properties").fields().forEachRemaining(e -> section(e.getKey(), e.getValue()));
    return out.toString();
  }

  private void section(String key, JsonNode property) {
    out.append("\n## `").append(key).append("`\n\n").append(property.path("description").asText()).append("\n");
    if (property.has("allOf")) {
      block(key, property.get("allOf").get(0));
    } else if (property.has("items")) {
      block(key + "[]", property.get("items"));
    } else {
      JsonNode typed = definition(property.get("additionalProperties"));
      for (JsonNode branch : typed.get("allOf")) {
        String type = branch.at("/if/properties/type/const").asText();
        out.append("\n### `").append(key).append(".<name>` with `type: ").append(type).append("`\n");
        block(key + ".<name>", branch.get("then"));
      }
    }
  }

  /** The table of one block's keys, then the tables of the blocks inside it. */
  private void block(String path, JsonNode ref) {
    JsonNode def = definition(ref);
    if (def.has("description")) {
      out.append("\n").append(def.get("description").asText()).append("\n");
    }
    out.append("\n| Key | Type | Default | Description |\n|---|---|---|---|\n");
    List<String> required = texts(def.get("required"));
    List<Map.Entry<String, JsonNode>> nested = new ArrayList<>();
    def.get("properties").fields().forEachRemaining(e -> {
      JsonNode p = flattened(e.getValue());
      out.append("| `").append(e.getKey()).append("`").append(required.contains(e.getKey()) ? " (required)" : "")
          .append(" | ").append(type(path + "." + e.getKey(), p)).append(" | ").append(defaultOf(p)).append(" | ")
          .append(cell(p.path("description").asText())).append(" |\n");
      if (inner(p) != null) {
        nested.add(e);
      }
    });
    for (Map.Entry<String, JsonNode> e : nested) {
      JsonNode p = flattened(e.getValue());
      String at = path + "." + e.getKey() + (p.has("items") ? "[]" : p.has("additionalProperties") ? ".<name>" : "");
      out.append("\n#### `").append(at).append("`\n");
      block(at, inner(p));
    }
  }

  /** A key's schema with its {@code allOf} parts (a reference and the key's own description) merged into one. */
  private static JsonNode flattened(JsonNode property) {
    if (!property.has("allOf")) {
      return property;
    }
    ObjectNode merged = ((ObjectNode) property).deepCopy();
    merged.remove("allOf");
    property.get("allOf").forEach(part -> merged.setAll((ObjectNode) part));
    return merged;
  }

  /** The reference to a block (a record with keys) this key holds, itself or as list items or mapping values. */
  private JsonNode inner(JsonNode property) {
    for (JsonNode candidate : new JsonNode[] {property, property.get("items"), property.get("additionalProperties")}) {
      if (candidate != null && candidate.has("$ref") && definition(candidate).has("properties")) {
        return candidate;
      }
    }
    return null;
  }

  private String type(String path, JsonNode p) {
    if (p.has("const")) {
      return "`" + p.get("const").asText() + "`";
    }
    if (p.has("enum")) {
      return texts(p.get("enum")).stream().map(v -> "`" + v + "`").collect(Collectors.joining(" \\| "));
    }
    if (p.has("$ref")) {
      JsonNode def = definition(p);
      return def.has("properties") ? "block (`" + path + "`)" : type(path, def);
    }
    if (p.has("anyOf")) {
      return type(path, p.get("anyOf").get(0));
    }
    String pattern = p.path("pattern").asText();
    if (pattern.equals(RecordSchemas.DURATION)) {
      return "duration (`30d`, `12h`, `15m`)";
    }
    if (pattern.equals(RecordSchemas.PLACEHOLDER)) {
      return "secret (`${ENV}` or `${file:…}`)";
    }
    return switch (p.path("type").asText()) {
      case "array" -> "list of " + type(path + "[]", p.get("items"));
      case "object" -> "mapping of names to " + type(path + ".<name>", p.get("additionalProperties"));
      default -> p.path("type").asText();
    };
  }

  private static String defaultOf(JsonNode p) {
    JsonNode d = p.get("default");
    if (d == null) {
      return "";
    }
    return "`" + (d.isArray() ? "[" + String.join(", ", texts(d)) + "]" : d.asText()) + "`";
  }

  private JsonNode definition(JsonNode ref) {
    String pointer = ref.path("$ref").asText();
    return pointer.isEmpty() ? ref : definitions.get(pointer.substring(pointer.lastIndexOf('/') + 1));
  }

  private static List<String> texts(JsonNode array) {
    return array == null ? List.of()
        : StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
