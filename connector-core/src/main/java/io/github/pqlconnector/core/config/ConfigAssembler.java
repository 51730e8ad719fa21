package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pqlconnector.core.config.PqlConfig.Named;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.spi.SourceConfig;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Binds the top-level parts one by one (so each reports its own problems) and checks cross-references. */
final class ConfigAssembler {
  static final String RECHECK_UNMATCHED = "recheckUnmatched";

  private final ConfigLoader.Binder binder;
  private final Plugins plugins;
  private final Problems problems;

  ConfigAssembler(ConfigLoader.Binder binder, Plugins plugins, Problems problems) {
    this.binder = binder;
    this.plugins = plugins;
    this.problems = problems;
  }

  PqlConfig assemble(ObjectNode root) {
    checkRootKeys(root);
    StateConfig state = bindOr(root, "state", StateConfig.class, StateConfig.defaults());
    AdminConfig admin = bindOr(root, "admin", AdminConfig.class, AdminConfig.defaults());
    AlertsConfig alerts = bindOr(root, "alerts", AlertsConfig.class, AlertsConfig.defaults());
    ModelConfig model = bindOr(root, "model", ModelConfig.class, null);
    Map<String, Named<SourceConfig>> sources = bindTyped(root, "sources",
        type -> plugins.source(type).map(p -> p.configType()), plugins.sourceTypes(), false);
    Map<String, Named<DestinationConfig>> destinations = bindTyped(root, "destinations",
        type -> plugins.destination(type).map(p -> p.configType()), plugins.destinationTypes(), true);
    List<SyncConfig> syncs = bindSyncs(root);
    state.validate(ConfigPath.of("state"), problems);
    admin.validate(ConfigPath.of("admin"), problems);
    alerts.validate(ConfigPath.of("alerts"), problems);
    if (model != null) {
      model.validate(ConfigPath.of("model"), problems);
    }
    sources.forEach((name, s) -> s.config().validate(ConfigPath.of("sources", name), problems));
    destinations.forEach((name, d) -> validateDestination(name, d.config()));
    SyncChecks checks = new SyncChecks(problems);
    checks.check(syncs, declared(root, "sources"), declared(root, "destinations"));
    checks.checkEventSources(syncs, sources);
    return new PqlConfig(state, sources, model == null ? emptyModel() : model, destinations, syncs, admin,
        alerts);
  }

  private void validateDestination(String name, DestinationConfig config) {
    ConfigPath at = ConfigPath.of("destinations", name);
    config.validate(at, problems);
    config.tasks().validate(at.child("tasks"), problems);
  }

  private void checkRootKeys(ObjectNode root) {
    Iterator<String> names = root.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!ConfigLoader.ROOT_KEYS.contains(key)) {
        String hint = Suggestions.didYouMean(key, ConfigLoader.ROOT_KEYS);
        problems.add(ConfigPath.of(key), hint.isEmpty() ? "unknown key; expected one of: "
            + String.join(", ", new TreeSet<>(ConfigLoader.ROOT_KEYS)) : "unknown key" + hint);
      }
    }
    for (ConfigSections.Section section : ConfigSections.ALL) {
      if (section.required() && !root.has(section.key())) {
        problems.add(ConfigPath.of(section.key()), "is required");
      }
    }
  }

  private <T> T bindOr(ObjectNode root, String key, Class<T> type, T fallback) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    T bound = binder.bind(node, ConfigPath.of(key), type);
    return bound != null ? bound : fallback;
  }

  private List<SyncConfig> bindSyncs(ObjectNode root) {
    JsonNode node = root.get("syncs");
    if (node == null || node.isNull()) {
      return List.of();
    }
    JavaType listType = binder.mapper().getTypeFactory().constructCollectionType(List.class, SyncConfig.class);
    List<SyncConfig> syncs = binder.bind(node, ConfigPath.of("syncs"), listType);
    return syncs == null ? List.of() : syncs.stream().filter(s -> s != null).toList();
  }

  private <C> Map<String, Named<C>> bindTyped(ObjectNode root, String key,
      Function<String, Optional<Class<? extends C>>> typeLookup, Set<String> knownTypes, boolean destinations) {
    Map<String, Named<C>> bound = new LinkedHashMap<>();
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return bound;
    }
    if (!node.isObject()) {
      problems.add(ConfigPath.of(key), "expected a mapping of names to " + key);
      return bound;
    }
    node.fields().forEachRemaining(entry -> {
      ConfigPath at = ConfigPath.of(key, entry.getKey());
      Duration recheck = destinations ? recheckUnmatched(entry.getValue(), at) : null;
      Named<C> named = bindOne(entry.getKey(), entry.getValue(), at, typeLookup, knownTypes);
      if (named != null && recheck != null) {
        named = new Named<>(named.name(), named.type(), named.config(), recheck);
      }
      if (named != null) {
        bound.put(entry.getKey(), named);
      }
    });
    return bound;
  }

  private <C> Named<C> bindOne(String name, JsonNode block, ConfigPath at,
      Function<String, Optional<Class<? extends C>>> typeLookup, Set<String> knownTypes) {
    if (!block.isObject()) {
      problems.add(at, "expected a mapping with a type");
      return null;
    }
    JsonNode typeNode = block.get("type");
    String known = String.join(", ", knownTypes);
    if (typeNode == null || !typeNode.isTextual()) {
      problems.add(at.child("type"), "is required; known: " + known);
      return null;
    }
    String type = typeNode.asText();
    Optional<Class<? extends C>> configType = typeLookup.apply(type);
    if (configType.isEmpty()) {
      problems.add(at.child("type"), "unknown type '" + type + "'; known: " + known
          + Suggestions.didYouMean(type, knownTypes));
      return null;
    }
    ObjectNode body = ((ObjectNode) block).deepCopy();
    body.remove("type");
    body.remove(RECHECK_UNMATCHED);
    C config = binder.bind(body, at, configType.get());
    return config == null ? null : new Named<>(name, type, config);
  }

  /**
   * A destination's {@code recheckUnmatched} (common to every destination type, so read here and not by the
   * vendor's config): a duration like {@code 1d} or {@code 12h}, at least a minute. Null when absent or wrong.
   */
  private Duration recheckUnmatched(JsonNode block, ConfigPath at) {
    JsonNode node = block.isObject() ? block.get(RECHECK_UNMATCHED) : null;
    if (node == null || node.isNull()) {
      return null;
    }
    Optional<Duration> parsed = node.isTextual() ? Durations.parse(node.asText()) : Optional.empty();
    if (parsed.isEmpty() || parsed.get().compareTo(Duration.ofMinutes(1)) < 0) {
      problems.add(at.child(RECHECK_UNMATCHED), "expected a duration of at least 1m like 1d, 12h or 30m, got "
          + (node.isTextual() ? "\"" + node.asText() + "\"" : node.toString()));
      return null;
    }
    return parsed.get();
  }

  /** The names declared under a section, bound or not: a block with problems still exists for references. */
  private static Set<String> declared(ObjectNode root, String section) {
    Set<String> names = new java.util.LinkedHashSet<>();
    JsonNode node = root.get(section);
    if (node != null && node.isObject()) {
      node.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  private static ModelConfig emptyModel() {
    return new ModelConfig(null, null, null, null, null, null, null, null);
  }


}
