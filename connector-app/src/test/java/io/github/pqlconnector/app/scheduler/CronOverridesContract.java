package io.github.pqlconnector.app.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.app.admin.AdminBackend.CronEdit;
import io.github.pqlconnector.app.admin.AdminBackend.CronEdit.Outcome;
import io.github.pqlconnector.app.admin.ReloadOutcome;
import io.github.pqlconnector.app.admin.SyncStatus;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.ScheduleOverrideDao;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.RecentThrottles;
import io.github.pqlconnector.core.sync.SyncRunner;
import io.github.pqlconnector.core.testing.Dataset;
import io.github.pqlconnector.core.testing.JsonLinesSourceProvider;
import io.github.pqlconnector.core.testing.RecordingDestination;
import io.github.pqlconnector.core.testing.RecordingDestinationProvider;
import io.github.pqlconnector.core.testing.StateDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cron set in the admin console: it re-times the sync, is kept in the state database across restarts and
 * reloads (also another node's), keeps a paused sync paused, and clearing it brings the file's cron back. Nodes
 * of {@code pql serve} share one state database; one JVM holds one Quartz scheduler named "pql", so a second node
 * starts after the first stops, sharing the job store and the overrides as a cluster's nodes do.
 */
abstract class CronOverridesContract {
  static final String YAML = """
      model: { levels: [user], metrics: { m: { count: message_sent } } }
      sources: { src: { type: testjsonl, directory: "%s" } }
      destinations: { crm: { type: recording } }
      syncs:
        - { name: nightly, source: src, destination: crm, cron: "0 0 3 * * ?" }
        - { name: manual, source: src, destination: crm }
      """;

  @TempDir Path dir;
  StateConfig state;
  final List<Node> nodes = new ArrayList<>();

  /** One running node: its own pool to the shared database, scheduler, daemon and config file. */
  record Node(StateStore store, SchedulerService scheduler, Daemon daemon, Path file) implements AutoCloseable {
    SyncStatus status(String sync) {
      return daemon.sync(sync).orElseThrow();
    }

    CronEdit set(String sync, String cron) {
      return daemon.setCron(sync, cron, "ana@ops");
    }

    @Override
    public void close() {
      scheduler.close();
      store.close();
    }
  }

  abstract StateDatabase database();

  @BeforeEach
  void createDatabase() {
    new Dataset(dir).events("message_sent", 1, "u1", null, Instant.now());
    StateConfig created = database().create(dir);
    state = new StateConfig(created.url(), created.user(), created.password(), created.isPostgres(), null);
  }

  @AfterEach
  void dropDatabase() {
    nodes.forEach(Node::close);
    database().drop(state);
  }

  @Test
  void aSetCronReTimesTheSyncAndSurvivesAReloadAndARestart() throws Exception {
    Node node = start("node-a");
    assertThat(node.set("nightly", "0 0 5 * * ?")).isEqualTo(new CronEdit(Outcome.CHANGED, null));

    SyncStatus set = node.status("nightly");
    assertThat(set.cron()).isEqualTo("0 0 5 * * ?");
    assertThat(set.fileCron()).isEqualTo("0 0 3 * * ?");
    assertThat(set.cronOverridden()).isTrue();
    assertThat(set.nextFire()).isEqualTo(firstFire("0 0 5 * * ?"));

    ReloadOutcome reload = node.daemon().reload();
    assertThat(reload.applied()).isTrue();
    assertThat(reload.changed()).as("the override is read again, not reverted").isEmpty();
    assertThat(node.status("nightly")).isEqualTo(set);

    stop(node);
    Node restarted = start("node-a");
    assertThat(restarted.status("nightly").cron()).isEqualTo("0 0 5 * * ?");
    assertThat(restarted.status("nightly").nextFire()).isEqualTo(firstFire("0 0 5 * * ?"));
  }

  @Test
  void anotherNodeWithTheFileKeepsTheOverrideAndCanClearIt() throws Exception {
    Node first = start("node-a");
    first.set("nightly", "0 15 2 * * ?");
    stop(first);

    Node second = start("node-b");
    assertThat(second.status("nightly").cron()).isEqualTo("0 15 2 * * ?");
    assertThat(second.daemon().reload().changed()).isEmpty();
    assertThat(second.status("nightly").nextFire()).isEqualTo(firstFire("0 15 2 * * ?"));

    assertThat(second.daemon().clearCron("nightly", "bo@ops")).isEqualTo(new CronEdit(Outcome.CHANGED, null));
    SyncStatus cleared = second.status("nightly");
    assertThat(cleared.cron()).isEqualTo("0 0 3 * * ?");
    assertThat(cleared.cronOverridden()).isFalse();
    assertThat(cleared.nextFire()).isEqualTo(firstFire("0 0 3 * * ?"));
    assertThat(second.daemon().clearCron("nightly", "bo@ops").message()).contains("no cron override was set");
  }

  @Test
  void aPausedSyncStaysPausedWhenReTimed() throws Exception {
    Node node = start("node-a");
    assertThat(node.daemon().pause("nightly")).isTrue();
    node.set("nightly", "0 0 5 * * ?");
    assertThat(node.status("nightly").paused()).isTrue();
    node.daemon().clearCron("nightly", "ana@ops");
    assertThat(node.status("nightly").paused()).isTrue();
  }

  @Test
  void aSyncWithoutACronIsScheduledByItsOverrideUntilCleared() throws Exception {
    Node node = start("node-a");
    assertThat(node.status("manual").nextFire()).isNull();
    node.set("manual", "0 */30 * * * ?");
    assertThat(node.status("manual").nextFire()).isEqualTo(firstFire("0 */30 * * * ?"));
    assertThat(node.status("manual").fileCron()).isNull();
    node.daemon().clearCron("manual", "ana@ops");
    assertThat(node.status("manual").nextFire()).isNull();
    assertThat(node.status("manual").cron()).isNull();
  }

  @Test
  void invalidCronsAndUnknownSyncsAreRefusedAndChangeNothing() throws Exception {
    Node node = start("node-a");
    assertThat(node.set("nightly", "0 0 0 30 2 ?")).isEqualTo(new CronEdit(Outcome.INVALID,
        "invalid cron expression \"0 0 0 30 2 ?\": never fires: no time after now matches it"));
    assertThat(node.set("nightly", "99 * * * * ?").message())
        .isEqualTo("invalid cron expression \"99 * * * * ?\": seconds must be 0-59, got 99");
    assertThat(node.set("nope", "0 0 5 * * ?"))
        .isEqualTo(new CronEdit(Outcome.NO_SUCH_SYNC, "no sync named 'nope'"));
    assertThat(node.daemon().clearCron("nope", "ana@ops").outcome()).isEqualTo(Outcome.NO_SUCH_SYNC);
    assertThat(node.status("nightly").cron()).isEqualTo("0 0 3 * * ?");
    assertThat(node.status("nightly").cronOverridden()).isFalse();
  }

  @Test
  void aSyncTheFileDropsLosesItsOverride() throws Exception {
    Node node = start("node-a");
    node.set("manual", "0 0 5 * * ?");
    Files.writeString(node.file(), Files.readString(node.file()).replace("  - { name: manual", "#  - { name: manual"));
    assertThat(node.daemon().reload().removed()).containsExactly("manual");
    Map<String, ScheduleOverrideDao.CronOverride> left = node.store().read(c -> new ScheduleOverrideDao().all(c));
    assertThat(left).as("its override row is deleted").isEmpty();

    Files.writeString(node.file(), YAML.formatted(dir.toString().replace("\\", "/")));
    node.daemon().reload();
    assertThat(node.status("manual").cronOverridden()).as("added again: the file's cron").isFalse();
  }

  @Test
  void anOverrideThatStoppedFiringGivesWayToTheFileNotAFailedReload() throws Exception {
    Node node = start("node-a");
    node.store().write(c -> {
      new ScheduleOverrideDao().set(c, new ScheduleOverrideDao.CronOverride("nightly", "0 0 0 1 1 ? 2020", "ana@ops",
          Instant.parse("2019-06-01T00:00:00Z")));
      return null;
    });
    ReloadOutcome reload = node.daemon().reload();
    assertThat(reload.applied()).isTrue();
    assertThat(node.status("nightly").cron()).isEqualTo("0 0 3 * * ?");
    assertThat(node.status("nightly").cronOverridden()).isFalse();
    assertThat(node.status("nightly").nextFire()).isEqualTo(firstFire("0 0 3 * * ?"));
  }

  @Test
  void theStatusShowsTheBacklogAndThisNodesThrottles() throws Exception {
    Node node = start("node-a");
    long throttled = node.status("nightly").throttlesLastHour();
    RecentThrottles.ofThisProcess().record("crm");
    node.store().write(c -> {
      new OutboxDao().enqueue(c, "nightly", List.of(new OutboxDao.Row(EntityRef.user("u9"), "h", "{}",
          OutboxDao.State.PENDING, 0)), Instant.now());
      return null;
    });
    SyncStatus status = node.status("nightly");
    assertThat(status.outboxDepth()).isEqualTo(1);
    assertThat(status.throttlesLastHour()).isEqualTo(throttled + 1);
  }

  Node start(String name) throws Exception {
    StateStore store = StateStore.open(state);
    Plugins plugins = new Plugins(List.of(new JsonLinesSourceProvider()),
        List.of(new RecordingDestinationProvider(new RecordingDestination())));
    ConfigLoader loader = new ConfigLoader(plugins, Map.<String, String>of()::get);
    Path file = dir.resolve(name + ".yaml");
    if (!Files.exists(file)) {
      Files.writeString(file, YAML.formatted(dir.toString().replace("\\", "/")));
    }
    SchedulerService scheduler = new SchedulerService(store, state, new SchedulerSettings(name, 2,
        Duration.ofSeconds(5), Duration.ofSeconds(7), Duration.ofSeconds(5)),
        cfg -> new SyncRunner(cfg, store, new Connectors(plugins, Clock.systemUTC())), run -> { });
    scheduler.start(loader.load(file));
    Node node = new Node(store, scheduler, new Daemon(file, loader, store, scheduler), file);
    nodes.add(node);
    return node;
  }

  void stop(Node node) {
    nodes.remove(node);
    node.close();
  }

  static Instant firstFire(String cron) {
    return CronText.nextFires(cron, 1, Instant.now()).get(0);
  }
}
