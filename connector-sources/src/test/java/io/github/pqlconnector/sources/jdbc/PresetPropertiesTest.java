package io.github.pqlconnector.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.PqlResult;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.sync.EvaluationStep;
import io.github.pqlconnector.core.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The presets read the properties a model names from the per-event tables, joined on the message id, and give
 * the same verdicts and metric values as custom SQL that joins the same tables by hand, with and without pushdown.
 */
class PresetPropertiesTest {
  static final String MODEL = """
      model:
        levels: [account, user]
        metrics:
          characters: { sum: { event: Message Sent, property: characters } }
          conversations: { distinct: { event: Message Sent, property: conversationId } }
          seats: { sum: { event: "*", property: seatsV2 } }
          reading: { sum: { event: Pricing Viewed, property: seconds } }
          plans: { distinct: { event: "*", property: plan } }
        signals:
          - { name: "Chatty", metric: characters, gte: 150, points: 40, type: usage }
          - { name: "Many conversations", metric: conversations, gte: 2, points: 20, type: usage }
          - { name: "Reads pricing", metric: reading, gte: 10, points: 35, type: hand_raiser }
      """;
  @RegisterExtension static final PresetWarehouses WAREHOUSES = new PresetWarehouses(true);
  @TempDir Path out;

  @EachPreset
  void eventsCarryTheNamedPropertiesWithTheirTypes(String preset) {
    Recorded recorded = new Recorded();
    try (JdbcSource source = WAREHOUSES.source(preset)) {
      source.readEvents(new ReadRequest(null, JdbcPresetTest.FROM, JdbcPresetTest.TO,
          Set.of("characters", "conversationId", "seatsV2", "seconds")), recorded);
    }
    Map<Long, Map<String, Object>> byTime = recorded.events.stream()
        .collect(Collectors.toMap(Event::timestampMillis, Event::properties));
    assertThat(byTime.get(JdbcPresetTest.FROM.toEpochMilli()))
        .isEqualTo(Map.of("characters", 120L, "conversationId", "c1", "seatsV2", 3L));
    assertThat(recorded.events).filteredOn(e -> e.name().equals("Pricing Viewed")).singleElement()
        .satisfies(e -> assertThat(e.properties()).isEqualTo(Map.of("seconds", 12.5)));
    assertThat(recorded.rejected).singleElement().asString().contains("no event name");
  }

  @EachPreset
  void aPropertyNoTableHoldsIsReportedOnceAndTheReadGoesOn(String preset) {
    Recorded recorded = new Recorded();
    try (JdbcSource source = WAREHOUSES.source(preset)) {
      source.readEvents(new ReadRequest(null, JdbcPresetTest.FROM, JdbcPresetTest.TO,
          Set.of("couponCode", "characters")), recorded);
    }
    assertThat(recorded.events).hasSize(3);
    assertThat(recorded.rejected).contains("events query: property 'couponCode': none of the 2 per-event tables in "
        + WAREHOUSES.get(preset).schema + " has a column coupon_code or couponcode or _coupon_code (" + preset
        + " creates it when the first event with a value arrives); metrics over it count nothing");
  }

  @EachPreset
  void validateListsThePerEventTables(String preset) {
    try (JdbcSource source = WAREHOUSES.source(preset)) {
      assertThat(source.check().message()).endsWith("; 2 per-event tables for event properties (message_sent, "
          + "pricing_viewed)");
    }
  }

  /** A message loaded twice into its per-event table counts once; a property of two types is read as text. */
  @EachPreset
  void aRepeatedMessageIdCountsOnceAndMixedTypesBecomeText(String preset) {
    Recorded recorded = new Recorded();
    try (Warehouse warehouse = PresetWarehouses.filled(preset, true)) {
      warehouse.sql("INSERT INTO %s.message_sent (id, user_id, event, timestamp, characters) VALUES"
          + " ('m2', 'u1', 'message_sent', '2026-11-15 10:00:00+00', 80)",
          "CREATE TABLE %s.report_exported (id text, user_id text, timestamp timestamptz, event text, characters text)",
          "INSERT INTO %s.report_exported VALUES ('m8', 'u2', '2026-11-25 00:00:00+00', 'report_exported', '7')",
          "INSERT INTO %s.tracks (id, user_id, event, event_text, timestamp) VALUES"
              + " ('m8', 'u2', 'report_exported', 'Report Exported', '2026-11-25 00:00:00+00')");
      try (JdbcSource source = new JdbcSource(warehouse.preset(preset))) {
        source.readEvents(new ReadRequest(null, JdbcPresetTest.FROM, JdbcPresetTest.TO, Set.of("characters")), recorded);
      }
    }
    assertThat(recorded.events).extracting(Event::name, e -> e.properties().get("characters")).containsExactlyInAnyOrder(
        tuple("Message Sent", "120"), tuple("Message Sent", "80"), tuple("Pricing Viewed", null),
        tuple("Report Exported", "7"));
  }

  @EachPreset
  void presetGivesTheVerdictsAndMetricValuesOfCustomSqlWithAndWithoutPushdown(String preset) throws IOException {
    PqlConfig config = TestConfigs.around(MODEL, out, out, "");
    CompiledModel model = new CompiledModel(config.model());
    Warehouse warehouse = WAREHOUSES.get(preset);
    String events = PresetSchemas.customEvents(preset);
    JdbcSourceConfig custom = warehouse.custom(events, PresetSchemas.CUSTOM_USERS, PresetSchemas.CUSTOM_ACCOUNTS, false);

    PushdownEquivalenceTest.assertSameBothWays(model, warehouse.config(preset, null, false),
        warehouse.config(preset, null, true));
    PushdownEquivalenceTest.assertSameBothWays(model, custom,
        warehouse.custom(events, PresetSchemas.CUSTOM_USERS, PresetSchemas.CUSTOM_ACCOUNTS, true));
    EvaluationStep.Evaluated fromPreset = PushdownEquivalenceTest.evaluate(model, warehouse.config(preset, null, false));
    assertThat(PushdownEquivalenceTest.json(fromPreset.evaluations()))
        .isEqualTo(PushdownEquivalenceTest.json(PushdownEquivalenceTest.evaluate(model, custom).evaluations()));

    Map<EntityRef, Map<String, Double>> metrics = fromPreset.evaluations().stream().map(e -> e.result())
        .collect(Collectors.toMap(PqlResult::entity, PqlResult::metrics));
    assertThat(metrics.get(EntityRef.user("u1"))).containsEntry("characters", 200.0).containsEntry("conversations", 2.0)
        .containsEntry("seats", 3.0);
    assertThat(metrics.get(EntityRef.user("u2"))).containsEntry("characters", 45.0).containsEntry("reading", 12.5)
        .containsEntry("plans", 1.0).containsEntry("seats", 2.0);
  }
}
