package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.error.ConfigProblem;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.LineIndex;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.spi.Plugins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Loads the one YAML file: substitutes {@code ${…}}, binds every part strictly, validates, and throws a
 * {@link ConfigException} listing every problem as {@code path: message at line N}.
 */
public final class ConfigLoader {
  static final Set<String> ROOT_KEYS = Set.of("state", "sources", "model", "destinations", "syncs", "admin",
      "alerts");

  private final Plugins plugins;
  private final Function<String, String> env;
  private final ObjectMapper mapper = ConfigModule.configMapper();

  public ConfigLoader(Plugins plugins, Function<String, String> env) {
    this.plugins = plugins;
    this.env = env;
  }

  public static ConfigLoader withSystemEnv(Plugins plugins) {
    return new ConfigLoader(plugins, System::getenv);
  }

  public PqlConfig load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw ConfigException.of("", "config file " + file + " does not exist");
    } catch (IOException e) {
      throw ConfigException.of("", "cannot read config file " + file + ": " + e.getMessage());
    }
  }

  public PqlConfig parse(String yaml) {
    Parsed parsed = read(yaml, "the config");
    JsonNode root = parsed.root();
    Problems problems = new Problems(parsed.lines());
    if (root == null || !root.isObject()) {
      problems.add(ConfigPath.ROOT, "the config file must be a YAML mapping with model, sources, destinations"
          + " and syncs");
      problems.throwIfAny();
    }
    Substitution substitution = new Substitution(env);
    substitution.apply(root, ConfigPath.ROOT, problems);
    Binder binder = new Binder(mapper, problems, substitution.substitutedPointers());
    PqlConfig config = new ConfigAssembler(binder, plugins, problems).assemble((ObjectNode) root);
    problems.throwIfAny();
    return config;
  }

  /**
   * A model on its own, for {@code pql backtest --model/--vs}: a YAML file with a {@code model:} block as in the
   * config file; every problem with its path and line in that file.
   */
  public ModelConfig loadModel(Path file) {
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw ConfigException.of("", "model file " + file + " does not exist");
    } catch (IOException e) {
      throw ConfigException.of("", "cannot read model file " + file + ": " + e.getMessage());
    }
    Parsed read = read(yaml, "the model file");
    Problems problems = new Problems(read.lines());
    JsonNode model = read.root() == null ? null : read.root().get("model");
    if (model == null || !model.isObject()) {
      problems.add(ConfigPath.of("model"), "is required: the model file holds a model: block as in the config file");
      problems.throwIfAny();
    }
    ModelConfig parsed = new Binder(mapper, problems, Set.of()).bind(model, ConfigPath.of("model"), ModelConfig.class);
    if (parsed != null) {
      parsed.validate(ConfigPath.of("model"), problems);
    }
    problems.throwIfAny();
    return parsed;
  }

  /** A YAML text's tree (null when empty) and where its lines are. */
  private record Parsed(LineIndex lines, @Nullable JsonNode root) {}

  private Parsed read(String yaml, String what) {
    try {
      return new Parsed(LineIndex.of(yaml), mapper.readTree(yaml));
    } catch (JacksonException e) {
      throw syntaxError(e);
    } catch (IOException e) {
      throw ConfigException.of("", "cannot parse " + what + ": " + e.getMessage());
    }
  }

  private static ConfigException syntaxError(JacksonException e) {
    JsonLocation where = e.getLocation();
    String message = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
    return new ConfigException(List.of(new ConfigProblem("", where == null ? 0 : where.getLineNr(),
        "invalid YAML: " + message)));
  }

  /** Binds one subtree with the collecting handler; returns null when the subtree could not be bound. */
  record Binder(ObjectMapper mapper, Problems problems, Set<String> substituted) {
    <T> T bind(JsonNode node, ConfigPath at, JavaType type) {
      try {
        return mapper.readerFor(type)
            .withAttribute(CollectingHandler.PROBLEMS, problems)
            .withAttribute(CollectingHandler.BASE, at)
            .withAttribute(CollectingHandler.SUBSTITUTED, substituted)
            .readValue(node);
      } catch (JsonMappingException e) {
        ConfigPath path = at;
        for (JsonMappingException.Reference ref : e.getPath()) {
          path = ref.getFieldName() != null ? path.child(ref.getFieldName()) : path.index(ref.getIndex());
        }
        problems.add(path, "has the wrong shape: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        return null;
      } catch (IOException e) {
        problems.add(at, "cannot be read: " + e.getMessage());
        return null;
      }
    }

    <T> T bind(JsonNode node, ConfigPath at, Class<T> type) {
      return bind(node, at, mapper.constructType(type));
    }
  }
}
