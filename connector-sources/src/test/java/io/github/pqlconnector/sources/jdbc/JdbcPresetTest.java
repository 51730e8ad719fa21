package io.github.pqlconnector.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.ReadResult;
import io.github.pqlconnector.core.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Both presets against their warehouse tables in PostgreSQL: events, traits, user → account, [from, to). */
class JdbcPresetTest {
  static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant TO = Instant.parse("2026-11-30T00:00:00Z");
  @RegisterExtension static final PresetWarehouses WAREHOUSES = new PresetWarehouses(false);
  @TempDir Path out;

  @EachPreset
  void readsTracksOfTheRangeAndRejectsTheRowWithoutAName(String preset) {
    Recorded recorded = new Recorded();
    try (JdbcSource source = WAREHOUSES.source(preset)) {
      ReadResult result = source.readEvents(new ReadRequest(null, FROM, TO, Set.of()), recorded);
      assertThat(result.eventsRead()).isEqualTo(3);
    }
    assertThat(recorded.events).extracting(Event::name, Event::userId, Event::timestampMillis).containsExactlyInAnyOrder(
        tuple("Message Sent", "u1", FROM.toEpochMilli()),
        tuple("Message Sent", "u1", Instant.parse("2026-11-15T10:00:00Z").toEpochMilli()),
        tuple("Pricing Viewed", "u2", Instant.parse("2026-11-20T09:00:00Z").toEpochMilli()));
    assertThat(recorded.events).allSatisfy(e -> assertThat(e.properties()).isEmpty());
    assertThat(recorded.rejected).singleElement().asString()
        .matches("events row \\d (\\(event_id m6\\)): no event name");
  }

  @EachPreset
  void honoursFromInclusiveAndToExclusiveToTheMillisecond(String preset) {
    Recorded recorded = new Recorded();
    Instant lastMilliOfOctober = Instant.parse("2026-10-31T23:59:59.999Z");
    try (JdbcSource source = WAREHOUSES.source(preset)) {
      source.readEvents(new ReadRequest(null, lastMilliOfOctober, FROM, Set.of()), recorded);
      source.readEvents(new ReadRequest(null, TO, TO.plusSeconds(1), Set.of()), recorded);
    }
    assertThat(recorded.events).extracting(Event::timestampMillis)
        .containsExactlyInAnyOrder(lastMilliOfOctober.toEpochMilli(), TO.toEpochMilli());
  }

  @EachPreset
  void userTraitsFromTheLatestIdentifyAndTheAccountFromTheLatestGroupCall(String preset) {
    Recorded recorded = WAREHOUSES.readTraits(preset, EntityLevel.USER);
    assertThat(recorded.traits).containsExactlyInAnyOrder(
        new Traits(EntityRef.user("u1"), Map.of("email", "ana@example.com", "plan", "pro", Traits.ACCOUNT_ID, "a2")),
        new Traits(EntityRef.user("u2"), Map.of("email", "bo@example.com", Traits.ACCOUNT_ID, "a1")),
        new Traits(EntityRef.user("u4"), Map.of(Traits.ACCOUNT_ID, "a2")));
    assertThat(recorded.rejected).isEmpty();
  }

  @EachPreset
  void accountTraitsFromTheLatestGroupCallPerGroup(String preset) {
    Recorded recorded = WAREHOUSES.readTraits(preset, EntityLevel.ACCOUNT);
    assertThat(recorded.traits).containsExactlyInAnyOrder(
        new Traits(EntityRef.account("a1"), Map.of("name", "Acme Inc", "employees", "60")),
        new Traits(EntityRef.account("a2"), Map.of("name", "Beta", "employees", "7")));
  }

  @EachPreset
  void pushdownOverThePresetTablesGivesTheSameResultsAsReadingEvents(String preset) throws IOException {
    PqlConfig config = TestConfigs.around("""
        model:
          levels: [account, user]
          metrics:
            messages: { count: Message Sent }
            seats: { distinctUsers: "*" }
          signals:
            - { name: "Messaging", metric: messages, gte: 2, points: 40, type: usage }
            - { name: "Asked for sales", anyEvent: [Pricing Viewed], points: 35, type: hand_raiser }
        """, out, out, "");
    Warehouse warehouse = WAREHOUSES.get(preset);
    PushdownEquivalenceTest.assertSameBothWays(new CompiledModel(config.model()),
        warehouse.config(preset, null, false), warehouse.config(preset, null, true));
  }

  @EachPreset
  void checkPassesOnACompleteSchema(String preset) {
    try (JdbcSource source = WAREHOUSES.source(preset)) {
      assertThat(source.check().isOk()).as(source.check().message()).isTrue();
      assertThat(source.incremental()).isTrue();
    }
  }
}
