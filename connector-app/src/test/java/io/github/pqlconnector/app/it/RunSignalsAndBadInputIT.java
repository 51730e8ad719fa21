package io.github.pqlconnector.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.pqlconnector.hubspot.fake.HubSpotFake;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar, as a cron job or a container runs it: SIGTERM mid-run finishes the batch, records the run as
 * STOPPED and exits 143 (three million malformed lines: {@link LauncherIT}).
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
}
