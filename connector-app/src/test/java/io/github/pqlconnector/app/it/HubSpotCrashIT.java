package io.github.pqlconnector.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pql run} into HubSpot killed with kill -9 mid-run, then run again: every contact ends with its
 * verdict and no follow-up task is created twice.
 */
class HubSpotCrashIT {
  static final String TOKEN = "pat-it-0000-not-a-real-token";
  @TempDir Path dir;

  @Test
  void aRunKilledMidWayAndRunAgainWritesEveryRecordAndNoTaskTwice() throws Exception {
    int users = 1_000;
    new ClusterData(dir).write(users);
    try (FakeHubSpot hubspot = new FakeHubSpot(400)) {
      Path config = writeConfig(hubspot.baseUrl());
      Process first = pql(config, "first.log");
      await().atMost(Duration.ofSeconds(60)).until(() -> hubspot.updateCalls.get() >= 2 || !first.isAlive());
      assertThat(first.isAlive()).as("still writing when killed:\n%s", Files.readString(dir.resolve("first.log"))).isTrue();
      first.destroyForcibly().waitFor();
      assertThat(hubspot.contacts.size()).isBetween(1, users - 1);

      Process second = pql(config, "second.log");
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();

      assertThat(hubspot.contacts).hasSize(users);
      long pql = hubspot.contacts.values().stream().filter(p -> "pql".equals(p.path("pql_status").asText())).count();
      assertThat(pql).isPositive();
      assertThat(hubspot.tasksByKey).hasSize((int) pql);
      assertThat(hubspot.taskCreates.get()).as("no task created twice").isEqualTo((int) pql);
      assertThat(Files.readString(dir.resolve("first.log")) + Files.readString(dir.resolve("second.log")))
          .doesNotContain(TOKEN);
    }
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
            tasks: { on: [pql], owner: default, defaultOwnerId: "77" }
        syncs:
          - { name: product-to-hubspot, source: product, destination: crm }
        """.formatted(dir, baseUrl));
    return config;
  }

  private Process pql(Path config, String log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", ServeNode.JAR.toString(), "run", "-c",
        config.toString(), "-v")).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
    builder.environment().put("HUBSPOT_TOKEN", TOKEN);
    return builder.start();
  }
}
