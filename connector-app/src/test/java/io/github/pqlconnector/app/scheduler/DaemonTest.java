package io.github.pqlconnector.app.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.app.admin.AdminBackend;
import io.github.pqlconnector.app.admin.DestinationHealth;
import io.github.pqlconnector.app.admin.PlanPreview;
import io.github.pqlconnector.app.admin.ReloadOutcome;
import io.github.pqlconnector.app.admin.RunFilter;
import io.github.pqlconnector.app.admin.SyncStatus;
import io.github.pqlconnector.core.config.ConfigLoader;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading the config file: a valid file re-times, adds and removes; an invalid one changes nothing. */
class DaemonTest {
  static final String YAML = """
      model: { levels: [user], metrics: { m: { count: message_sent } } }
      sources: { src: { type: testjsonl, directory: "%s" } }
      destinations: { crm: { type: recording } }
      syncs:
        - { name: nightly, source: src, destination: crm, cron: "0 0 3 * * ?" }
      """;

  @TempDir Path dir;
  StateStore store;
  SchedulerService scheduler;
  Daemon daemon;
  Path file;

  @BeforeEach
  void start() throws Exception {
    new Dataset(dir).events("message_sent", 1, "u1", null, Instant.now());
    StateConfig state = TestDatabases.h2(dir);
    store = StateStore.open(state);
    Plugins plugins = new Plugins(List.of(new JsonLinesSourceProvider()),
        List.of(new RecordingDestinationProvider(new RecordingDestination())));
    ConfigLoader loader = new ConfigLoader(plugins, Map.<String, String>of()::get);
    file = dir.resolve("pql.yaml");
    Files.writeString(file, YAML.formatted(dir.toString().replace("\\", "/")));
    scheduler = new SchedulerService(store, state, new SchedulerSettings("n1", 2, Duration.ofSeconds(5),
        Duration.ofSeconds(7), Duration.ofSeconds(5)),
        cfg -> new SyncRunner(cfg, store, new Connectors(plugins, Clock.systemUTC())), run -> { });
    scheduler.start(loader.load(file));
    daemon = new Daemon(file, loader, store, scheduler);
  }

  @AfterEach
  void stop() {
    scheduler.close();
    store.close();
  }

  @Test
  void anInvalidFileIsRejectedWithItsProblemsAndTheOldSchedulesKeepRunning() throws Exception {
    SyncStatus before = daemon.sync("nightly").orElseThrow();
    Files.writeString(file, Files.readString(file).replace("0 0 3 * * ?", "*/61 * * *").replace("type: recording",
        "type: recordng"));
    ReloadOutcome outcome = daemon.reload();
    assertThat(outcome.applied()).isFalse();
    assertThat(outcome.problems()).containsExactly(
        "destinations.crm.type: unknown type 'recordng'; known: recording; did you mean 'recording'? at line 3",
        "syncs[0].cron: invalid cron expression \"*/61 * * *\": Quartz cron has 6 or 7 fields (seconds first),"
            + " got 4; e.g. \"0 */30 * * * ?\" at line 5");
    assertThat(daemon.syncs()).containsExactly(before);
    assertThat(daemon.schedulerRunning()).isTrue();
  }

  @Test
  void aCronThatNeverFiresIsRejectedWithTheProblemNotAnError() throws Exception {
    SyncStatus before = daemon.sync("nightly").orElseThrow();
    Files.writeString(file, Files.readString(file).replace("0 0 3 * * ?", "0 0 0 30 2 ?"));
    ReloadOutcome outcome = daemon.reload();
    assertThat(outcome.applied()).isFalse();
    assertThat(outcome.problems()).containsExactly(
        "syncs[0].cron: invalid cron expression \"0 0 0 30 2 ?\": never fires: no time after now matches it at line 5");
    assertThat(daemon.syncs()).containsExactly(before);
  }

  @Test
  void aValidFileReTimesAddsAndRemovesWithoutARestart() throws Exception {
    Files.writeString(file, Files.readString(file).replace("0 0 3 * * ?", "0 30 4 * * ?")
        + "  - { name: hourly, source: src, destination: crm, cron: \"0 0 * * * ?\" }\n");
    ReloadOutcome outcome = daemon.reload();
    assertThat(outcome.applied()).isTrue();
    assertThat(outcome.added()).containsExactly("hourly");
    assertThat(outcome.changed()).containsExactly("nightly");
    assertThat(daemon.syncs()).extracting(SyncStatus::name).containsExactly("nightly", "hourly");
    assertThat(daemon.sync("nightly").orElseThrow().cron()).isEqualTo("0 30 4 * * ?");

    Files.writeString(file, YAML.formatted(dir.toString().replace("\\", "/")).replace("nightly", "renamed"));
    ReloadOutcome renamed = daemon.reload();
    assertThat(renamed.removed()).containsExactlyInAnyOrder("nightly", "hourly");
    assertThat(renamed.added()).containsExactly("renamed");
  }

  @Test
  void aRunNowWhileTheSyncRunsAnywhereIsRefused() {
    store.write(c -> new RunDao().start(c, "nightly", "SCHEDULED", java.time.Instant.now()));
    assertThat(daemon.runNow("nightly")).isEqualTo(AdminBackend.RunNow.ALREADY_RUNNING);
    assertThat(daemon.runNow("nope")).isEqualTo(AdminBackend.RunNow.NO_SUCH_SYNC);
  }

  @Test
  void pausingIsVisibleAndManualRunsAreRecorded() throws Exception {
    assertThat(daemon.pause("nightly")).isTrue();
    assertThat(daemon.sync("nightly").orElseThrow().paused()).isTrue();
    assertThat(daemon.pause("nope")).isFalse();
    assertThat(daemon.runNow("nightly")).isEqualTo(AdminBackend.RunNow.STARTED);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> daemon.runs("nightly", 10).stream().anyMatch(r -> "SUCCESS".equals(r.status())));
    assertThat(daemon.runs(null, 10).get(0).trigger()).isEqualTo("MANUAL");
    assertThat(daemon.run(daemon.runs(null, 1).get(0).id())).isPresent();
    assertThat(daemon.resume("nightly")).isTrue();
    assertThat(daemon.sync("nightly").orElseThrow().paused()).isFalse();
  }

  @Test
  void runsAreFilteredByWholeUtcDaysAndDestinationsAreUnknownWithoutChecks() {
    Instant lateOnThe29th = Instant.parse("2026-11-29T23:59:59Z");
    store.write(c -> {
      long id = new RunDao().start(c, "nightly", "MANUAL", lateOnThe29th);
      new RunDao().finish(c, id, "FAILED", "{}", "{}", null, lateOnThe29th);
      return id;
    });
    LocalDate the29th = LocalDate.parse("2026-11-29");
    assertThat(daemon.runs(new RunFilter("nightly", "FAILED", the29th, the29th, 10))).hasSize(1);
    assertThat(daemon.runs(new RunFilter(null, null, the29th.plusDays(1), null, 10))).isEmpty();
    assertThat(daemon.runs(new RunFilter(null, "SUCCESS", null, null, 10))).isEmpty();
    assertThat(daemon.destinations()).containsExactly(DestinationHealth.unknown("crm", "recording"));
    assertThat(daemon.plan("nightly", 5).outcome()).isEqualTo(PlanPreview.Outcome.FAILED);
  }
}
