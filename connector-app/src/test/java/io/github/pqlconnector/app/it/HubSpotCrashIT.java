package io.github.pqlconnector.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.pqlconnector.hubspot.fake.HubSpotFake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    HubSpotRuns runs = new HubSpotRuns(dir);
    try (HubSpotFake hubspot = HubSpotRuns.fakeWithContacts(users, Duration.ofMillis(400))) {
      // two batches in flight, so the kill lands mid-run (the default, 16, has every batch of 1,000 out at once)
      Path config = runs.config(hubspot.baseUrl(),
          "tasks: { on: [pql], owner: default, defaultOwnerId: \"" + HubSpotFake.DEFAULT_OWNER + "\" }\n"
              + "rateLimit: { concurrency: 2 }");
      Process first = runs.pql("first.log", "run", "-c", config.toString(), "-v");
      await().atMost(Duration.ofSeconds(60)).until(() -> hubspot.recordWrites() >= 2 || !first.isAlive());
      assertThat(first.isAlive()).as("still writing when killed:\n%s", Files.readString(dir.resolve("first.log"))).isTrue();
      first.destroyForcibly().waitFor();
      assertThat(HubSpotRuns.written(hubspot)).isBetween(1L, users - 1L);

      Process second = runs.pql("second.log", "run", "-c", config.toString(), "-v");
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();

      assertThat(HubSpotRuns.written(hubspot)).isEqualTo((long) users);
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
}
