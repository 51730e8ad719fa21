package io.github.pqlconnector.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.state.OutboxDao;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.testing.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code pql serve} processes sharing schedules through Quartz's clustered job store on the local
 * PostgreSQL: every fire runs exactly once, and a node killed with kill -9 mid-run hands the sync to the
 * other with nothing lost or duplicated.
 */
class ClusterIT {
  @TempDir Path dir;
  StateConfig state;
  StateStore store;

  @BeforeEach
  void database() {
    state = TestDatabases.postgres();
    store = StateStore.open(state);
  }

  @AfterEach
  void drop() {
    store.close();
    TestDatabases.dropPostgres(state);
  }

  @Test
  void overAMinuteEveryFireRunsExactlyOnceOnOneOfTwoNodes() throws Exception {
    Path config = writeConfig(200, "*/2 * * * * ?");
    Instant start;
    try (ServeNode a = ServeNode.start("node-a", config, dir, freePort());
        ServeNode b = ServeNode.start("node-b", config, dir, freePort())) {
      start = Instant.now();
      Thread.sleep(60_000);
      assertThat(a.terminate(Duration.ofSeconds(30))).as("node-a exit code on SIGTERM").isZero();
      assertThat(b.terminate(Duration.ofSeconds(30))).as("node-b exit code on SIGTERM").isZero();
    }
    List<RunDao.RunRow> runs = runs();
    List<RunDao.RunRow> fired = runs.stream().filter(r -> !r.startedAt().isBefore(start)).toList();
    assertThat(fired.size()).as("runs for ~30 fires in 60 s").isBetween(27, 32);
    Set<Long> seconds = new HashSet<>();
    for (RunDao.RunRow run : fired) {
      assertThat(seconds.add(run.startedAt().getEpochSecond() / 2)).as("one run per fire, %s", run.startedAt()).isTrue();
      assertThat(run.status()).isIn("SUCCESS", "STOPPED");
    }
  }

  @Test
  void theNodeRunningASyncIsKilledMidRunAndTheOtherFinishesWithNothingLostOrDuplicated() throws Exception {
    int users = 10_000;   // a run of some 20 s on PostgreSQL: long enough to be killed mid-drain
    Path config = writeConfig(users, "*/5 * * * * ?");
    try (ServeNode a = ServeNode.start("node-a", config, dir, freePort());
        ServeNode b = ServeNode.start("node-b", config, dir, freePort())) {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
        long pushed = pushed();   // mid-drain: the outbox may stay short while the verdicts are stored and pushed
        return pushed > 0 && pushed < users - 1_000;
      });
      String holder = text("SELECT INSTANCE_NAME FROM QRTZ_FIRED_TRIGGERS WHERE STATE = 'EXECUTING'");
      ServeNode victim = holder.equals("node-a") ? a : b;
      ServeNode survivor = victim == a ? b : a;
      victim.kill();
      assertThat(pushed()).as("work left by the killed node").isLessThan(users);
      try {
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
            .until(() -> outboxDepth() == 0 && count("SELECT COUNT(*) FROM task_outbox WHERE state = 'PENDING'") == 0
                && runs().stream().anyMatch(r -> "SUCCESS".equals(r.status())));
      } catch (ConditionTimeoutException e) {
        throw new AssertionError("the survivor did not finish; outbox " + outboxDepth() + ", runs " + runs().stream()
            .map(r -> r.id() + " " + r.status()).toList() + "\n" + survivor.log() + "\n" + survivor.threadDump(), e);
      }
      assertThat(survivor.terminate(Duration.ofSeconds(30))).isZero();
    }
    assertThat(runs()).extracting(RunDao.RunRow::status).contains("ABANDONED");
    assertThat(csvKeys(dir.resolve("out/users.csv"))).hasSize(users);
    long pql = count("SELECT COUNT(*) FROM entity_state WHERE status = 'pql'");
    assertThat(pql).isPositive();
    Set<String> taskKeys = csvKeys(dir.resolve("out/tasks.csv"));
    assertThat(taskKeys).hasSize((int) pql);
    assertThat(count("SELECT COUNT(*) FROM task_outbox WHERE state = 'CREATED'")).isEqualTo(pql);
  }

  private Path writeConfig(int users, String cron) throws IOException {
    new ClusterData(dir).write(users);
    Path config = dir.resolve("pql.yaml");
    Files.writeString(config, """
        state: { url: "%s", cluster: true }
        %s
        destinations:
          crm: { type: csv, directory: "%s/out", tasks: { on: [pql], owner: default, defaultOwnerId: rep } }
        syncs:
          - { name: product-to-crm, source: product, destination: crm, cron: "%s" }
        """.formatted(state.url(), ClusterData.sourceAndModel(dir), dir, cron));
    return config;
  }

  private List<RunDao.RunRow> runs() {
    return store.read(c -> new RunDao().list(c, "product-to-crm", 1_000));
  }

  private long pushed() {
    return count("SELECT COUNT(*) FROM pushed WHERE sync_name = 'product-to-crm'");
  }

  private long outboxDepth() {
    return store.read(c -> new OutboxDao().depth(c, "product-to-crm"));
  }

  private String text(String sql) {
    return store.read(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        return rs.next() ? rs.getString(1) : "";
      }
    });
  }

  private long count(String sql) {
    return store.read(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** The first column of every data row, asserting no key appears twice. */
  private static Set<String> csvKeys(Path file) throws IOException {
    Set<String> keys = new HashSet<>();
    var rows = new com.fasterxml.jackson.dataformat.csv.CsvMapper().readerForMapOf(String.class)
        .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
        .<java.util.Map<String, String>>readValues(file.toFile()).readAll();
    for (var row : rows) {
      String key = row.values().iterator().next();
      assertThat(keys.add(key)).as("%s appears once in %s", key, file.getFileName()).isTrue();
    }
    return keys;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
