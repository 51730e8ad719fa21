package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} with an environment variable and {@code ${file:/path}} with a file's content
 * (trailing newline dropped) in every scalar, and remembers which paths were substituted: only those may
 * bind to a {@link Secret}. Problems never quote a substituted value.
 */
final class Substitution {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

  private final Function<String, String> env;
  private final Set<String> substituted = new HashSet<>();

  Substitution(Function<String, String> env) {
    this.env = env;
  }

  Set<String> substitutedPointers() {
    return substituted;
  }

  void apply(JsonNode node, ConfigPath at, Problems problems) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        replaceOrRecurse(field.getValue(), at.child(field.getKey()), problems, field::setValue);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        int index = i;
        replaceOrRecurse(array.get(i), at.index(i), problems, v -> array.set(index, v));
      }
    }
  }

  private void replaceOrRecurse(JsonNode value, ConfigPath at, Problems problems,
      java.util.function.Consumer<JsonNode> set) {
    if (value.isTextual() && value.asText().contains("${")) {
      set.accept(new TextNode(substitute(value.asText(), at, problems)));
      substituted.add(at.pointer());
    } else {
      apply(value, at, problems);
    }
  }

  private String substitute(String text, ConfigPath at, Problems problems) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(resolve(m.group(1).trim(), at, problems)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String resolve(String reference, ConfigPath at, Problems problems) {
    if (reference.startsWith("file:")) {
      return readFile(reference.substring(5).trim(), at, problems);
    }
    if (!reference.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      problems.add(at, "\"${" + reference + "}\" is not an environment variable name or ${file:/path}");
      return "";
    }
    String value = env.apply(reference);
    if (value == null) {
      problems.add(at, "environment variable " + reference + " is not set");
      return "";
    }
    return value;
  }

  private static String readFile(String path, ConfigPath at, Problems problems) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.UTF_8).stripTrailing();
    } catch (IOException | RuntimeException e) {
      problems.add(at, "cannot read secret file " + path + " (" + e.getClass().getSimpleName() + ")");
      return "";
    }
  }
}
