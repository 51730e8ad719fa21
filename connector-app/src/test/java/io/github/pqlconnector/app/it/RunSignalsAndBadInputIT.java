package io.github.pqlconnector.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.pqlconnector.hubspot.fake.HubSpotFake;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar, as a cron job or a container runs it: SIGTERM mid-run finishes the batch, records the run as
 * STOPPED and exits 143; three million malformed lines finish in a 256 MB heap and never hang.
 */
class RunSignalsAndBadInputIT {
  @TempDir Path dir;

  @Test
  void sigtermMidRunFinishesTheBatchRecordsStoppedAndExits143() throws Exception {
    int users = 1_000;
    new ClusterData(dir).write(users);
    try (HubSpotFake hubspot = new HubSpotFake().writeDelay(Duration.ofMillis(400))) {
      hubspot.seed(IntStream.range(0, users).mapToObj(i -> "u%06d@example.com".formatted(i)).toList(), List.of());
      Path config = hubSpotConfig(hubspot.baseUrl());
      Process first = pql("first.log", "run", "-c", config.toString(), "-v");
      await().atMost(Duration.ofSeconds(60)).until(() -> hubspot.recordWrites() >= 2 || !first.isAlive());
      assertThat(first.isAlive()).as("still writing when signalled:\n%s", log("first.log")).isTrue();
      first.destroy();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).as(log("first.log")).isTrue();
      assertThat(first.exitValue()).as(log("first.log")).isEqualTo(143);
      assertThat(log("first.log")).contains("run 1 of product-to-hubspot: STOPPED")
          .doesNotContain("Database is already closed").doesNotContain("Exception");
      assertThat(written(hubspot)).isBetween(1L, users - 1L);

      Process history = pql("history.log", "history", "-c", config.toString());
      assertThat(history.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(log("history.log")).containsPattern("(?m)^\\s*1\\s.*STOPPED");

      Process second = pql("second.log", "run", "-c", config.toString());
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).as(log("second.log")).isZero();
      assertThat(written(hubspot)).isEqualTo((long) users);
    }
  }

  @Test
  void threeMillionMalformedLinesFinishInA256MegabyteHeapAndAreCounted() throws Exception {
    Path events = dir.resolve("events.jsonl");
    byte[] garbage = "garbage {\n".getBytes(StandardCharsets.UTF_8);
    byte[] badTime = "{\"event\":\"message_sent\",\"timestamp\":\"yesterday\",\"userId\":\"u1\"}\n"
        .getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(events), 1 << 16)) {
      for (int i = 0; i < 3_000_000; i++) {
        out.write(i % 2 == 0 ? garbage : badTime);
      }
    }
    Path config = dir.resolve("pql.yaml");
    Files.writeString(config, """
        state: { url: "jdbc:h2:file:%1$s/state" }
        sources: { product: { type: file, events: "%1$s/events.jsonl" } }
        model: { levels: [user], metrics: { m: { count: message_sent } } }
        destinations: { crm: { type: csv, directory: "%1$s/out" } }
        syncs: [ { name: local, source: product, destination: crm } ]
        """.formatted(dir));
    Process run = pql("run.log", "run", "-c", config.toString());
    assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("finished, not hung:\n%s", log("run.log")).isTrue();
    assertThat(run.exitValue()).as(log("run.log")).isZero();
    assertThat(log("run.log")).contains("read 0 events (3,000,000 rejected)").contains("events.jsonl:1: not valid JSON")
        .doesNotContain("OutOfMemoryError");
  }

  /** Contacts holding a verdict. */
  private static long written(HubSpotFake hubspot) {
    return hubspot.records().values().stream().filter(fields -> fields.containsKey("pql_status")).count();
  }

  private Path hubSpotConfig(String baseUrl) throws IOException {
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
            rateLimit: { concurrency: 1 }      # one batch at a time, so the signal lands between batches
        syncs:
          - { name: product-to-hubspot, source: product, destination: crm }
        """.formatted(dir, baseUrl));
    return config;
  }

  private String log(String name) throws IOException {
    Path file = dir.resolve(name);
    return Files.exists(file) ? Files.readString(file) : "";
  }

  private Process pql(String log, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-jar", ServeNode.JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(log).toFile());
    builder.environment().put("HUBSPOT_TOKEN", HubSpotFake.TOKEN);
    return builder.start();
  }
}
