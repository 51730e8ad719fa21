package io.github.pqlconnector.sources.jdbc;

import io.github.pqlconnector.core.model.EntityLevel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One warehouse per preset, laid out and filled by {@link PresetSchemas}, for the tests parameterised over the
 * presets. Registered as a static extension, it creates the schemas once per class (the tests only read them)
 * and drops them after it.
 */
final class PresetWarehouses implements BeforeAllCallback, AfterAllCallback {
  private final boolean withEventTables;
  private final Map<String, Warehouse> byPreset = new LinkedHashMap<>();

  /** With the per-event tables holding event properties when {@code withEventTables}. */
  PresetWarehouses(boolean withEventTables) {
    this.withEventTables = withEventTables;
  }

  /** A fresh warehouse in the preset's layout with the shared rows; the caller closes it. */
  static Warehouse filled(String preset, boolean withEventTables) {
    Warehouse warehouse = Warehouse.create();
    PresetSchemas.create(warehouse, preset);
    PresetSchemas.fill(warehouse);
    if (withEventTables) {
      PresetSchemas.createEventTables(warehouse, preset);
    }
    return warehouse;
  }

  Warehouse get(String preset) {
    return byPreset.get(preset);
  }

  /** A source reading the preset's warehouse through that preset; the caller closes it. */
  JdbcSource source(String preset) {
    return new JdbcSource(get(preset).preset(preset));
  }

  /** The traits of the level, and the rows rejected, that the preset's source reads. */
  Recorded readTraits(String preset, EntityLevel level) {
    Recorded recorded = new Recorded();
    try (JdbcSource source = source(preset)) {
      source.readTraits(level, recorded);
    }
    return recorded;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    for (String preset : new String[] {"segment", "rudderstack"}) {
      byPreset.put(preset, filled(preset, withEventTables));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    byPreset.values().forEach(Warehouse::close);
    byPreset.clear();
  }
}
