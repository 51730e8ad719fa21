package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.destination.csv.CsvDestinationProvider;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.testing.Dataset;
import io.github.pqlconnector.core.testing.StateDatabase;
import io.github.pqlconnector.core.testing.JsonLinesSourceProvider;
import io.github.pqlconnector.core.testing.MutableClock;
import io.github.pqlconnector.core.testing.RecordingDestination;
import io.github.pqlconnector.core.testing.RecordingDestinationProvider;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A state database, a 150-user dataset and a recording CRM, for the sync-engine contracts. */
abstract class SyncFixture {
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final String YAML = """
      model:
        levels: [user]
        metrics:
          messages_sent: { count: message_sent }
        signals:
          - { name: "Heavy messaging", metric: messages_sent, gte: 10, points: 80, type: usage, reason: "Sent {value} messages" }
        hysteresis: 1d
      sources:
        src: { type: testjsonl, directory: "%s" }
      destinations:
        crm: { type: recording, tasks: { on: [pql], dueIn: 2d } }
      syncs:
        - { name: s, source: src, destination: crm }
      """;

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(NOW);
  final RecordingDestination crm = new RecordingDestination();
  StateConfig state;
  StateStore store;
  PqlConfig config;
  Dataset data;

  /** Where the state lives: each contract has an H2 and a PostgreSQL subclass. */
  abstract StateDatabase database();

  @BeforeEach
  void setUp() {
    state = database().create(dir);
    store = StateStore.open(state);
    config = new ConfigLoader(plugins(), Map.<String, String>of()::get).parse(YAML.formatted(dir.toString().replace("\\", "/")));
    data = new Dataset(dir);
    for (int i = 1; i <= 150; i++) {
      String user = "u%03d".formatted(i);
      data.user(user, user + "@example.com", "a1").events("message_sent", i <= 100 ? 12 : 2, user, null, NOW);
    }
  }

  @AfterEach
  void tearDown() {
    store.close();
    database().drop(state);
  }

  RunSummary run() {
    return new SyncRunner(config, store, new Connectors(plugins(), clock)).run(null, RunTrigger.MANUAL, false, Progress.NONE);
  }

  /** A process restart: the state store is closed and opened again from its URL. */
  void restart() {
    store.close();
    store = StateStore.open(state);
  }

  long outboxDepth() {
    return store.read(c -> new OutboxDao().depth(c, "s"));
  }

  Plugins plugins() {
    return new Plugins(List.of(new JsonLinesSourceProvider()),
        List.of(new RecordingDestinationProvider(crm), new CsvDestinationProvider()));
  }
}
