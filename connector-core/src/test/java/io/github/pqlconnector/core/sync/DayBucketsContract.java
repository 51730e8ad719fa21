package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.error.SourceException;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.PqlResult;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.state.BucketDao;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.PushedDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.testing.IncrementalJsonLinesSource;
import io.github.pqlconnector.core.testing.IncrementalJsonLinesSourceProvider;
import io.github.pqlconnector.core.testing.JsonLinesSource;
import io.github.pqlconnector.core.testing.JsonLinesSourceProvider;
import io.github.pqlconnector.core.testing.MutableClock;
import io.github.pqlconnector.core.testing.RecordingDestination;
import io.github.pqlconnector.core.testing.RecordingDestinationProvider;
import io.github.pqlconnector.core.testing.StateDatabase;
import io.github.pqlconnector.core.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Incremental sources through per-day buckets give exactly what a full read of the same events gives: the
 * golden datasets in one run, in consecutive runs as time advances, and in runs whose windows overlap; a
 * failed read changes nothing; old days are dropped; {@code --full} and a model edit rebuild. Runs once per
 * state database (H2 and PostgreSQL).
 */
abstract class DayBucketsContract {
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final String SYNC = "s";
  static final String GOLDEN_CASES = "io.github.pqlconnector.core.engine.PqlEngineGoldenTest#cases";
  /** Runs a few days apart, two on the same day, one past every window. */
  static final List<Instant> RUNS = List.of(NOW.minus(Duration.ofDays(5)).plusSeconds(3 * 3600),
      NOW.minus(Duration.ofDays(4)), NOW.minus(Duration.ofDays(2)).plusSeconds(13 * 3600 + 17 * 60),
      NOW.minus(Duration.ofDays(2)).plusSeconds(14 * 3600), NOW, NOW.plus(Duration.ofDays(1)).plusSeconds(5 * 3600),
      NOW.plus(Duration.ofDays(9)), NOW.plus(Duration.ofDays(33)));

  @TempDir Path dir;
  final List<StateConfig> states = new ArrayList<>();
  final List<StateStore> stores = new ArrayList<>();
  StateStore store;

  /** Where the state lives: each contract has an H2 and a PostgreSQL subclass. */
  abstract StateDatabase database();

  @BeforeEach
  void setUp() {
    store = openStore();
  }

  @AfterEach
  void tearDown() {
    stores.forEach(StateStore::close);
    states.forEach(database()::drop);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(GOLDEN_CASES)
  void oneRunGivesTheVerdictsOfAFullRead(String name) throws IOException {
    Path data = GOLDEN.resolve(name);
    CompiledModel model = model(data);
    assertThat(incremental(model, new IncrementalJsonLinesSource(data, Duration.ZERO), NOW, false))
        .isEqualTo(fullRead(model, data, NOW));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(GOLDEN_CASES)
  void consecutiveRunsGiveTheVerdictsOfAFullReadAtEveryRun(String name) throws IOException {
    everyRunMatchesAFullRead(GOLDEN.resolve(name), Duration.ZERO, new IncrementalJsonLinesSource.Control());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(GOLDEN_CASES)
  void overlappingWindowsNeverCountAnEventTwice(String name) throws IOException {
    IncrementalJsonLinesSource.Control control = new IncrementalJsonLinesSource.Control();
    everyRunMatchesAFullRead(GOLDEN.resolve(name), Duration.ofDays(3), control);
    for (int i = 1; i < control.requests.size(); i++) {
      assertThat(control.requests.get(i).from()).isBefore(control.requests.get(i - 1).to());
    }
  }

  private void everyRunMatchesAFullRead(Path data, Duration lateData, IncrementalJsonLinesSource.Control control)
      throws IOException {
    CompiledModel model = model(data);
    for (Instant now : RUNS) {
      assertThat(incremental(model, new IncrementalJsonLinesSource(data, lateData, control), now, false))
          .as("run at %s", now).isEqualTo(fullRead(model, data, now));
    }
  }

  @Test
  void aFailedReadLeavesBucketsAndWindowUntouchedAndTheNextRunEndsAsIfItHadNotFailed() throws IOException {
    Path data = GOLDEN.resolve("misfits");
    Sync failing = new Sync(data, store, "testincremental");
    Sync reference = new Sync(data, openStore(), "testincremental");
    Sync wholeReads = new Sync(data, openStore(), "testjsonl");
    for (Sync sync : List.of(failing, reference, wholeReads)) {
      sync.runAt(NOW.minus(Duration.ofDays(2)), false);
    }
    List<String> before = rows(store);
    failing.control.failNextReadAfter = 3;
    assertThatThrownBy(() -> failing.runAt(NOW.minus(Duration.ofDays(1)), false)).isInstanceOf(SourceException.class);
    assertThat(rows(store)).isEqualTo(before);

    for (Sync sync : List.of(failing, reference, wholeReads)) {
      sync.runAt(NOW, false);
    }
    List<ReadRequest> asked = failing.control.requests;
    assertThat(asked.get(2).from()).as("the failed days are read again").isEqualTo(asked.get(1).from());
    assertThat(rows(store)).isEqualTo(rows(reference.store)).isNotEqualTo(before);
    assertThat(failing.crm.records).isEqualTo(reference.crm.records).isEqualTo(wholeReads.crm.records);
    assertThat(failing.verdicts()).isEqualTo(reference.verdicts()).isEqualTo(wholeReads.verdicts())
        .containsKeys(EntityRef.user("u_ok"), EntityRef.user("u_ng"), EntityRef.user("u_small"));
  }

  @Test
  void daysOlderThanTheLongestWindowAreDropped() throws IOException {
    Path data = GOLDEN.resolve("account-rollup");
    CompiledModel model = model(data);
    incremental(model, new IncrementalJsonLinesSource(data, Duration.ZERO), NOW, false);
    Instant later = NOW.plus(Duration.ofDays(10));
    incremental(model, new IncrementalJsonLinesSource(data, Duration.ZERO), later, false);
    long keepFrom = later.toEpochMilli() / 86_400_000L - 29;
    assertThat(rows(store)).filteredOn(row -> !row.startsWith("window")).isNotEmpty().allSatisfy(row -> assertThat(Long.parseLong(row.split(" ")[0]))
        .isGreaterThanOrEqualTo(keepFrom));
  }

  @Test
  void fullRebuildsTheBucketsFromTheSource() throws IOException {
    Path data = GOLDEN.resolve("misfits");
    Sync sync = new Sync(data, store, "testincremental");
    Sync wholeReads = new Sync(data, openStore(), "testjsonl");
    sync.runAt(NOW.minus(Duration.ofDays(1)), false);
    store.write(c -> c.createStatement().executeUpdate("DELETE FROM day_buckets"));

    sync.runAt(NOW, true);
    wholeReads.runAt(NOW.minus(Duration.ofDays(1)), false);
    wholeReads.runAt(NOW, false);
    Instant firstKeptDay = Instant.parse("2026-11-01T00:00:00Z");
    assertThat(sync.control.requests.get(sync.control.requests.size() - 1).from()).isEqualTo(firstKeptDay);
    assertThat(sync.crm.records).isEqualTo(wholeReads.crm.records).isNotEmpty();
    assertThat(sync.verdicts()).isEqualTo(wholeReads.verdicts()).containsKey(EntityRef.user("u_ok"));
    Sync fresh = new Sync(data, openStore(), "testincremental");
    fresh.runAt(NOW, false);
    assertThat(rows(store)).isEqualTo(rows(fresh.store));
  }

  @Test
  void aModelEditRebuildsTheBuckets() throws IOException {
    Path data = GOLDEN.resolve("account-rollup");
    IncrementalJsonLinesSource.Control control = new IncrementalJsonLinesSource.Control();
    incremental(model(data), new IncrementalJsonLinesSource(data, Duration.ZERO, control), NOW, false);
    String edited = Files.readString(data.resolve("model.yaml")).replace("messages_sent: { count: message_sent }",
        "messages_sent: { count: message_sent }\n    pages: { count: page_viewed }");
    CompiledModel model = new CompiledModel(TestConfigs.around(edited, data, dir, "").model());
    Instant later = NOW.plusSeconds(600);
    assertThat(incremental(model, new IncrementalJsonLinesSource(data, Duration.ZERO, control), later, false))
        .isEqualTo(fullRead(model, data, later));
    assertThat(control.requests.get(1).from()).isEqualTo(control.requests.get(0).from());
  }

  @Test
  void everyMetricKindAndWindowAgreeWithAFullReadOverWeeksOfRuns() throws IOException {
    Path data = Files.createDirectories(dir.resolve("mixed"));
    Files.writeString(data.resolve("events.jsonl"), MixedEvents.lines(NOW.minus(Duration.ofDays(45)), NOW, 1000));
    Files.writeString(data.resolve("users.jsonl"), "{\"id\":\"u1\",\"accountId\":\"a9\"}\n");
    CompiledModel model = new CompiledModel(TestConfigs.around(MixedEvents.MODEL, data, dir, "").model());
    for (Instant now = NOW.minus(Duration.ofDays(40)); now.isBefore(NOW.plus(Duration.ofDays(3)));
        now = now.plus(Duration.ofHours(53))) {
      assertThat(incremental(model, new IncrementalJsonLinesSource(data, Duration.ofDays(1)), now, false))
          .as("run at %s", now).isEqualTo(fullRead(model, data, now));
    }
    assertThat(fullRead(model, data, NOW)).anySatisfy(result -> assertThat(result.metrics())
        .containsKey("last_seen").hasEntrySatisfying("seats", seats -> assertThat(seats).isGreaterThanOrEqualTo(3))
        .hasEntrySatisfying("channels", channels -> assertThat(channels).isGreaterThanOrEqualTo(3))
        .hasEntrySatisfying("activation_pct", pct -> assertThat(pct).isGreaterThan(50)));
  }

  List<PqlResult> incremental(CompiledModel model, IncrementalJsonLinesSource source, Instant now, boolean full) {
    Snapshot snapshot = Snapshot.load(store, SYNC, full);
    EvaluationStep.Evaluated evaluated = new IncrementalStep(model, new EvaluationStep(model), store, SYNC)
        .run(source, snapshot, now, full, Progress.NONE);
    store.write(c -> {
      new BucketDao().apply(c, SYNC, evaluated.buckets(), now);
      return null;
    });
    return evaluated.evaluations().stream().map(e -> e.result()).toList();
  }

  static List<PqlResult> fullRead(CompiledModel model, Path data, Instant now) {
    return new EvaluationStep(model).run(new JsonLinesSource(data), Map.of(), List.of(), now, null, Progress.NONE)
        .evaluations().stream().map(e -> e.result()).toList();
  }

  CompiledModel model(Path data) throws IOException {
    return new CompiledModel(TestConfigs.around(Files.readString(data.resolve("model.yaml")), data, dir, "").model());
  }

  StateStore openStore() {
    StateConfig state = database().create(dir.resolve("db" + states.size()));
    states.add(state);
    StateStore opened = StateStore.open(state);
    stores.add(opened);
    return opened;
  }

  /** Every bucket row and the window, as text, in a stable order. */
  static List<String> rows(StateStore store) {
    return store.read(c -> {
      List<String> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT epoch_day, level, entity_id, data FROM day_buckets ORDER BY epoch_day, level, entity_id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
        }
      }
      new BucketDao().window(c, SYNC).ifPresent(w -> rows.add("window " + w));
      return rows;
    });
  }

  /** One sync through {@link SyncRunner}, as {@code pql run} does it, over its own state store and CRM. */
  final class Sync {
    final StateStore store;
    final RecordingDestination crm = new RecordingDestination();
    final IncrementalJsonLinesSource.Control control = new IncrementalJsonLinesSource.Control();
    final MutableClock clock = new MutableClock(NOW);
    final PqlConfig config;

    Sync(Path data, StateStore store, String sourceType) throws IOException {
      this.store = store;
      String yaml = Files.readString(data.resolve("model.yaml")) + """

          sources:
            src: { type: %s, directory: "%s"%s }
          destinations:
            crm: { type: recording }
          syncs:
            - { name: s, source: src, destination: crm }
          """.formatted(sourceType, data.toAbsolutePath().toString().replace("\\", "/"),
          sourceType.equals("testincremental") ? ", lateData: 1d" : "");
      config = new ConfigLoader(plugins(), Map.<String, String>of()::get).parse(yaml);
    }

    void runAt(Instant now, boolean full) {
      clock.advance(Duration.between(clock.instant(), now));
      new SyncRunner(config, store, new Connectors(plugins(), clock)).run(SYNC, RunTrigger.MANUAL, full, Progress.NONE);
    }

    /** The hash of every entity's CRM-facing verdict, pushed or still queued (unmatched records included). */
    Map<EntityRef, String> verdicts() {
      return store.read(c -> {
        Map<EntityRef, String> hashes = new HashMap<>(new PushedDao().hashes(c, SYNC));
        new OutboxDao().marks(c, SYNC).forEach((entity, mark) -> hashes.put(entity, mark.hash()));
        return hashes;
      });
    }

    Plugins plugins() {
      return new Plugins(List.of(new JsonLinesSourceProvider(), new IncrementalJsonLinesSourceProvider(control)),
          List.of(new RecordingDestinationProvider(crm)));
    }
  }
}
