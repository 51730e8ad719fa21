package io.github.pqlconnector.core.config;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The top-level keys of the config file: what each holds and whether it must be there. The loader checks the root
 * against this list and the JSON Schema and the configuration reference are generated from it.
 */
public final class ConfigSections {
  /** How a section's value is shaped: one record, a mapping of named typed blocks, or a list of records. */
  public enum Shape { RECORD, NAMED_SOURCES, NAMED_DESTINATIONS, LIST }

  /** One top-level key. {@code type} is the record bound (for a list, its element); null for named blocks. */
  public record Section(String key, Shape shape, @Nullable Class<?> type, boolean required, String description) {}

  public static final List<Section> ALL = List.of(
      new Section("state", Shape.RECORD, StateConfig.class, false,
          "Where the connector keeps its own state: an embedded H2 file by default, or PostgreSQL."),
      new Section("sources", Shape.NAMED_SOURCES, null, true,
          "The analytics sources events and traits are read from, by a name of your choice; syncs refer to it."),
      new Section("model", Shape.RECORD, ModelConfig.class, true,
          "The PQL model: metrics, activation, fit, signals and score tiers, shared by every sync."),
      new Section("destinations", Shape.NAMED_DESTINATIONS, null, true,
          "The CRMs (or CSV files) the verdicts are written to, by a name of your choice; syncs refer to it."),
      new Section("syncs", Shape.LIST, SyncConfig.class, true,
          "The scheduled flows: which source is decided and written to which destination, and when."),
      new Section("admin", Shape.RECORD, AdminConfig.class, false,
          "The admin console and API of pql serve: where it listens and who may sign in."),
      new Section("alerts", Shape.RECORD, AlertsConfig.class, false,
          "Alerts to Slack and a webhook: new PQLs, failed, partly failed, stalled and quota-stopped runs."));

  private ConfigSections() {}

  public static Optional<Section> named(String key) {
    return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
  }

  public static List<String> keys() {
    return ALL.stream().map(Section::key).toList();
  }
}
