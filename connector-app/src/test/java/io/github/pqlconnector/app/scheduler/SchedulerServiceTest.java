package io.github.pqlconnector.app.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.SyncRunner;
import io.github.pqlconnector.core.testing.Dataset;
import io.github.pqlconnector.core.testing.JsonLinesSourceProvider;
import io.github.pqlconnector.core.testing.RecordingDestination;
import io.github.pqlconnector.core.testing.RecordingDestinationProvider;
import io.github.pqlconnector.core.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler on the H2 job store: fires, pause/resume, no overlap, one catch-up after downtime, re-timing. */
class SchedulerServiceTest {
  static final String YAML = """
      model:
        levels: [user]
        metrics: { m: { count: message_sent } }
        signals: [ { name: "Busy", metric: m, gte: 1, points: 80 } ]
      sources: { src: { type: testjsonl, directory: "%s" } }
      destinations: { crm: { type: recording } }
      syncs:
        - { name: every-second, source: src, destination: crm, cron: "%s" }
      """;

  @TempDir Path dir;
  final RecordingDestination crm = new RecordingDestination();
  StateConfig state;
  StateStore store;
  SchedulerService service;

  @BeforeEach
  void setUp() {
    new Dataset(dir).user("u1", "ana@acme.io", "a1").events("message_sent", 3, "u1", "a1", Instant.now());
    state = TestDatabases.h2(dir);
    store = StateStore.open(state);
  }

  @AfterEach
  void tearDown() {
    if (service != null) {
      service.close();
    }
    store.close();
  }

  @Test
  void cronFiresIntoHistoryPauseStopsAndResumeRestarts() throws Exception {
    service = start("*/1 * * * * ?", Duration.ofSeconds(5));
    await().atMost(Duration.ofSeconds(10)).until(() -> runs().size() >= 2);
    assertThat(runs()).extracting(RunDao.RunRow::trigger).contains("SCHEDULED");

    service.pause("every-second", true);
    await().atMost(Duration.ofSeconds(5)).until(() -> runs().stream().noneMatch(r -> "RUNNING".equals(r.status())));
    int paused = runs().size();
    Thread.sleep(2_500);
    assertThat(runs()).hasSize(paused);

    service.pause("every-second", false);
    await().atMost(Duration.ofSeconds(10)).until(() -> runs().size() > paused);
  }

  @Test
  void aSlowRunIsNeverStartedTwice() throws Exception {
    crm.delayMillis = 300;
    service = start("*/1 * * * * ?", Duration.ofSeconds(5));
    service.runNow("every-second");
    await().atMost(Duration.ofSeconds(20)).until(() -> finished().size() >= 3);
    List<RunDao.RunRow> done = finished();
    for (int i = 1; i < done.size(); i++) {
      assertThat(done.get(i - 1).startedAt()).as("run %d starts after run %d ends", done.get(i - 1).id(), done.get(i).id())
          .isAfterOrEqualTo(done.get(i).finishedAt());
    }
  }

  @Test
  void missedFiresAfterDowntimeRunOnceAsACatchUp() throws Exception {
    service = start("*/1 * * * * ?", Duration.ofMillis(500));
    await().atMost(Duration.ofSeconds(10)).until(() -> runs().size() >= 1);
    service.close();
    int before = runs().size();
    Thread.sleep(4_000);

    service = start("*/1 * * * * ?", Duration.ofMillis(500));
    await().atMost(Duration.ofSeconds(10)).until(() -> runs().size() > before);
    Thread.sleep(500);
    List<RunDao.RunRow> after = runs().subList(0, runs().size() - before);
    assertThat(after).extracting(RunDao.RunRow::trigger).containsOnlyOnce("CATCH_UP");
  }

  @Test
  void missedFiresWithinTheMisfireThresholdAreNotReplayedButRunOnceAsACatchUp() throws Exception {
    service = start("*/2 * * * * ?", Duration.ofSeconds(60));
    await().atMost(Duration.ofSeconds(10)).until(() -> runs().size() >= 1);
    service.close();
    int before = runs().size();
    Thread.sleep(6_500);

    Instant restarted = Instant.now();
    Instant firstNewFire = new org.quartz.CronExpression("*/2 * * * * ?")
        .getNextValidTimeAfter(java.util.Date.from(restarted)).toInstant();
    service = start("*/2 * * * * ?", Duration.ofSeconds(60));
    // on a loaded machine the catch-up may start after the first new fire's time: wait for it, not for the clock
    await().atMost(Duration.ofSeconds(20)).until(() -> newRuns(before).stream()
        .anyMatch(r -> r.trigger().equals("CATCH_UP")));
    await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(firstNewFire.plusMillis(500)));
    List<RunDao.RunRow> after = newRuns(before);
    assertThat(after).as("three missed fires, one catch-up").filteredOn(r -> r.trigger().equals("CATCH_UP"))
        .hasSize(1);
    assertThat(after).as("no missed fire replayed").filteredOn(r -> r.startedAt().isBefore(firstNewFire))
        .extracting(RunDao.RunRow::trigger).containsOnly("CATCH_UP");
  }

  private List<RunDao.RunRow> newRuns(int before) {
    List<RunDao.RunRow> all = runs();
    return all.subList(0, all.size() - before);
  }

  @Test
  void shutdownLetsTheRunningBatchFinishAndLeavesTheRestInTheOutbox() throws Exception {
    Dataset data = new Dataset(dir);
    for (int i = 0; i < 100; i++) {
      data.user("v" + i, "v" + i + "@acme.io", "a1").events("message_sent", 2, "v" + i, "a1", Instant.now());
    }
    crm.maxBatch = 5;
    crm.delayMillis = 100;
    service = start("0 0 3 * * ?", Duration.ofSeconds(5));
    service.runNow("every-second");
    await().atMost(Duration.ofSeconds(20)).until(() -> crm.writeCalls() >= 3);
    long started = System.nanoTime();
    service.close();
    service = null;
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    RunDao.RunRow run = runs().get(0);
    assertThat(run.status()).isEqualTo("STOPPED");
    long left = store.read(c -> new io.github.pqlconnector.core.state.OutboxDao().depth(c, "every-second"));
    assertThat(left).isPositive();
    assertThat(crm.records.size() + left).isEqualTo(101);
  }

  @Test
  void reloadingReTimesAddsAndRemovesSyncs() throws Exception {
    service = start("0 0 3 * * ?", Duration.ofSeconds(5));
    PqlConfig next = config("0 0 4 * * ?").withSyncs(List.of());
    ScheduleChanges changes = service.apply(config("0 0 4 * * ?"));
    assertThat(changes.changed()).containsExactly("every-second");
    assertThat(service.trigger(service.config().syncs().get(0)).getNextFireTime().toInstant().atZone(java.time.ZoneId.systemDefault()).getHour()).isEqualTo(4);
    assertThat(service.apply(next).removed()).containsExactly("every-second");
  }

  private SchedulerService start(String cron, Duration misfireThreshold) throws Exception {
    SchedulerSettings settings = new SchedulerSettings("node-1", 2, misfireThreshold, Duration.ofSeconds(7), Duration.ofSeconds(10));
    Plugins plugins = new Plugins(List.of(new JsonLinesSourceProvider()), List.of(new RecordingDestinationProvider(crm)));
    SchedulerService started = new SchedulerService(store, state, settings,
        cfg -> new SyncRunner(cfg, store, new Connectors(plugins, Clock.systemUTC())), run -> { });
    started.start(config(cron));
    return started;
  }

  private PqlConfig config(String cron) {
    Plugins plugins = new Plugins(List.of(new JsonLinesSourceProvider()), List.of(new RecordingDestinationProvider(crm)));
    return new ConfigLoader(plugins, Map.<String, String>of()::get).parse(YAML.formatted(dir.toString().replace("\\", "/"), cron));
  }

  private List<RunDao.RunRow> runs() {
    return store.read(c -> new RunDao().list(c, "every-second", 100));
  }

  private List<RunDao.RunRow> finished() {
    return runs().stream().filter(r -> r.finishedAt() != null).toList();
  }
}
