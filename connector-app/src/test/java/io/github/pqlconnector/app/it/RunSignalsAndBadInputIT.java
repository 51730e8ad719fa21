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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar, as a cron job or a container runs it: SIGTERM mid-run finishes the batch, records the run as
 * STOPPED and exits 143; during the read of the source it ends the read at once, before anything is written
 * (three million malformed lines: {@link LauncherIT}).
 */
class RunSignalsAndBadInputIT {
  @TempDir Path dir;
  private HubSpotRuns runs;

  @BeforeEach
  void runner() {
    runs = new HubSpotRuns(dir);
  }

  @Test
  void sigtermMidRunFinishesTheBatchRecordsStoppedAndExits143() throws Exception {
    int users = 1_000;
    new ClusterData(dir).write(users);
    try (HubSpotFake hubspot = HubSpotRuns.fakeWithContacts(users, Duration.ofMillis(400))) {
      // one batch at a time, so the signal lands between batches
      Path config = runs.config(hubspot.baseUrl(), "rateLimit: { concurrency: 1 }");
      Process first = runs.pql("first.log", "run", "-c", config.toString(), "-v");
      await().atMost(Duration.ofSeconds(60)).until(() -> hubspot.recordWrites() >= 2 || !first.isAlive());
      assertThat(first.isAlive()).as("still writing when signalled:\n%s", runs.log("first.log")).isTrue();
      first.destroy();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).as(runs.log("first.log")).isTrue();
      assertThat(first.exitValue()).as(runs.log("first.log")).isEqualTo(143);
      assertThat(runs.log("first.log")).contains("run 1 of product-to-hubspot: STOPPED")
          .doesNotContain("Database is already closed").doesNotContain("Exception");
      assertThat(HubSpotRuns.written(hubspot)).isBetween(1L, users - 1L);

      Process history = runs.pql("history.log", "history", "-c", config.toString());
      assertThat(history.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(runs.log("history.log")).containsPattern("(?m)^\\s*1\\s.*STOPPED");

      Process second = runs.pql("second.log", "run", "-c", config.toString());
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).as(runs.log("second.log")).isZero();
      assertThat(HubSpotRuns.written(hubspot)).isEqualTo((long) users);
    }
  }

  @Test
  void sigtermWhileReadingEndsTheReadAtOnceRecordsStoppedWritesNothingAndExits143() throws Exception {
    Path config = bigFileToCsv(2_000_000);
    Process run = runs.pql("read.log", "run", "-c", config.toString(), "-v");
    await().atMost(Duration.ofSeconds(60)).until(() -> runs.log("read.log").contains("reading events: ")
        || !run.isAlive());
    assertThat(run.isAlive()).as("still reading when signalled:\n%s", runs.log("read.log")).isTrue();
    long signalled = System.nanoTime();
    run.destroy();
    assertThat(run.waitFor(30, TimeUnit.SECONDS)).as(runs.log("read.log")).isTrue();
    long stoppedInMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);

    assertThat(run.exitValue()).as(runs.log("read.log")).isEqualTo(143);
    assertThat(runs.log("read.log")).contains("stopped while reading the source; nothing was written")
        .doesNotContain("2,000,000").doesNotContain("Exception");
    assertThat(stoppedInMillis).as("the read ends at the signal, not at the end of the file").isLessThan(5_000);
    assertThat(dir.resolve("out")).as("nothing written").doesNotExist();
  }

  private Path bigFileToCsv(int events) throws IOException {
    byte[][] lines = new byte[10][];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = ("{\"event\":\"message_sent\",\"timestamp\":\"2026-11-30T10:00:0" + i + "Z\",\"userId\":\"u" + i
          + "\"}\n").getBytes(StandardCharsets.UTF_8);
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("events.jsonl")), 1 << 16)) {
      for (int i = 0; i < events; i++) {
        out.write(lines[i % lines.length]);
      }
    }
    Path config = dir.resolve("csv.yaml");
    Files.writeString(config, """
        state: { url: "jdbc:h2:file:%1$s/state" }
        sources: { product: { type: file, events: "%1$s/events.jsonl" } }
        model: { levels: [user], metrics: { m: { count: message_sent } } }
        destinations: { crm: { type: csv, directory: "%1$s/out" } }
        syncs: [ { name: local, source: product, destination: crm } ]
        """.formatted(dir));
    return config;
  }
}
