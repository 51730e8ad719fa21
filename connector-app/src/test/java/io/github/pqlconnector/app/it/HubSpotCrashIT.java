package io.github.pqlconnector.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.pqlconnector.hubspot.fake.HubSpotFake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pql run} into HubSpot (the module's stateful {@link HubSpotFake}) killed with kill -9 mid-run, then run
 * again: every contact ends with its verdict and no follow-up task is created twice.
 */
class HubSpotCrashIT {
  @TempDir Path dir;

  @Test
  void aRunKilledMidWayAndRunAgainWritesEveryRecordAndNoTaskTwice() throws Exception {
    int users = 1_000;
    new ClusterData(dir).write(users);
    try (HubSpotFake hubspot = new HubSpotFake().writeDelay(Duration.ofMillis(400))) {
      hubspot.seed(IntStream.range(0, users).mapToObj(i -> "u%06d@example.com".formatted(i)).toList(), List.of());
      Path config = writeConfig(hubspot.baseUrl());
      Process first = pql(config, "first.log");
      await().atMost(Duration.ofSeconds(60)).until(() -> hubspot.recordWrites() >= 2 || !first.isAlive());
      assertThat(first.isAlive()).as("still writing when killed:\n%s", Files.readString(dir.resolve("first.log"))).isTrue();
      first.destroyForcibly().waitFor();
      assertThat(written(hubspot)).isBetween(1L, users - 1L);

      Process second = pql(config, "second.log");
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();

      assertThat(written(hubspot)).isEqualTo((long) users);
      Map<String, Map<String, String>> records = hubspot.records();
      long pql = records.values().stream().filter(p -> "pql".equals(p.get("pql_status"))).count();
      assertThat(pql).isPositive();
      assertThat(hubspot.tasksPerRecord()).as("one task per PQL contact, none twice").hasSize((int) pql)
          .allSatisfy((email, tasks) -> {
            assertThat(tasks).isOne();
            assertThat(records.get(email)).containsEntry("pql_status", "pql");
          });
      assertThat(Files.readString(dir.resolve("first.log")) + Files.readString(dir.resolve("second.log")))
          .doesNotContain(HubSpotFake.TOKEN);
    }
  }

  /** Contacts holding a verdict. */
  private static long written(HubSpotFake hubspot) {
    return hubspot.records().values().stream().filter(fields -> fields.containsKey("pql_status")).count();
  }

  private Path writeConfig(String baseUrl) throws IOException {
    Path config = dir.resolve("pql.yaml");
    Files.writeString(config, """
        state: { url: "jdbc:h2:file:%1$s/state" }
        sources:
          product: { type: file, events: "%1$s/events.jsonl", users: "%1$s/users.csv" }
        model:
          levels: [user]
          metrics: { messages_sent: { count: message_sent } }
          signals: [ { name: "Heavy messaging", metric: messages_sent, gte: 12, points: 80 } ]
        destinations:
          crm:
            type: hubspot
            token: ${HUBSPOT_TOKEN}
            baseUrl: "%2$s"
            tasks: { on: [pql], owner: default, defaultOwnerId: "%3$s" }
        syncs:
          - { name: product-to-hubspot, source: product, destination: crm }
        """.formatted(dir, baseUrl, HubSpotFake.DEFAULT_OWNER));
    return config;
  }

  private Process pql(Path config, String log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", ServeNode.JAR.toString(), "run", "-c",
        config.toString(), "-v")).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
    builder.environment().put("HUBSPOT_TOKEN", HubSpotFake.TOKEN);
    return builder.start();
  }
}
