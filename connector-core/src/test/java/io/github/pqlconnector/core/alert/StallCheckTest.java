package io.github.pqlconnector.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sync every 30 minutes is stalled once three fires passed since its last success, plus a grace of 5 minutes. */
class StallCheckTest {
  static final Instant SUCCESS = Instant.parse("2026-12-01T10:00:30Z");
  static final UnaryOperator<Instant> EVERY_30_MIN = at -> Instant.ofEpochSecond((at.getEpochSecond() / 1800 + 1) * 1800);
  @TempDir Path dir;
  StateStore store;

  @BeforeEach
  void setUp() {
    store = StateStore.open(TestDatabases.h2(dir));
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void stalledOnlyAfterThreeIntervalsAndTheGrace() {
    run("SUCCESS", SUCCESS);
    run("FAILED", SUCCESS.plus(Duration.ofMinutes(30)));
    StallCheck check = new StallCheck(store, SUCCESS);
    Instant thirdFire = Instant.parse("2026-12-01T11:30:00Z");
    assertThat(check.check("s", EVERY_30_MIN, thirdFire.plus(Duration.ofMinutes(5)))).isEmpty();
    assertThat(check.check("s", EVERY_30_MIN, thirdFire.plus(Duration.ofMinutes(5)).plusSeconds(1)))
        .hasValueSatisfying(alert -> {
          assertThat(alert.kind()).isEqualTo("stalled");
          assertThat(alert.runId()).isNull();
          assertThat(alert.title()).isEqualTo("s has not run successfully since " + SUCCESS);
        });
  }

  @Test
  void aSyncThatNeverRanCountsFromWhenServingBegan() {
    Instant serving = Instant.parse("2026-12-01T10:10:00Z");
    StallCheck check = new StallCheck(store, serving);
    assertThat(check.check("new", EVERY_30_MIN, Instant.parse("2026-12-01T11:35:00Z"))).isEmpty();
    assertThat(check.check("new", EVERY_30_MIN, Instant.parse("2026-12-01T12:06:00Z"))).isPresent();
  }

  @Test
  void aCronThatStopsFiringNeverStalls() {
    StallCheck check = new StallCheck(store, SUCCESS);
    assertThat(check.check("s", at -> null, SUCCESS.plus(Duration.ofDays(30)))).isEmpty();
  }

  private void run(String status, Instant finishedAt) {
    store.write(c -> {
      RunDao runs = new RunDao();
      long id = runs.start(c, "s", "SCHEDULED", finishedAt.minusSeconds(20));
      runs.finish(c, id, status, "{}", "{}", null, finishedAt);
      return null;
    });
  }
}
