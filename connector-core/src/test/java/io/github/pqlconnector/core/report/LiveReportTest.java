package io.github.pqlconnector.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.report.ConversionReport.Funnel;
import io.github.pqlconnector.core.report.ConversionReport.LevelReport;
import io.github.pqlconnector.core.report.ConversionReport.TierRow;
import io.github.pqlconnector.core.report.ConversionReport.TypeRow;
import io.github.pqlconnector.core.report.ConversionReport.WeekRow;
import io.github.pqlconnector.core.spi.Outcome;
import io.github.pqlconnector.core.state.OutcomeDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import io.github.pqlconnector.core.state.VerdictHistoryDao.Verdict;
import io.github.pqlconnector.core.testing.StateDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A golden report on six users computed by hand (now 2026-11-30 12:00 UTC, the last 30 days, a 30-day horizon): see
 * each user's comment for what it tests.
 */
class LiveReportTest {
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  @TempDir Path dir;
  private StateStore store;

  @BeforeEach
  void history() {
    store = StateStore.open(StateDatabase.H2.create(dir));
    change("u1", "2026-10-01", PqlStatus.COLD, null, 10);      // seen before the period,
    change("u1", "2026-11-05", PqlStatus.PQL, "usage", 100);   // PQL in it, converted 10 days later
    convert("u1", "2026-11-15");
    change("u2", "2026-11-02", PqlStatus.COLD, null, 0);       // cold, then PQL 10 days ago: still open
    change("u2", "2026-11-20", PqlStatus.PQL, "hand_raiser", 50);
    change("u3", "2026-10-10", PqlStatus.PQL, "usage", 100);   // PQL since before the period: no entry in it
    convert("u3", "2026-11-10");
    change("u4", "2026-11-03", PqlStatus.WARM, null, 60);      // warm, converted after 22 days
    convert("u4", "2026-11-25");
    change("u5", "2026-11-04", PqlStatus.COLD, null, 0);       // cold, nothing yet
    change("u6", "2026-11-06", PqlStatus.NOT_FIT, null, 0);    // converted before it entered: does not count
    convert("u6", "2026-10-20");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void everyFigureIsTheOneComputedByHand() {
    ConversionReport report = LiveReport.of(store, "s", NOW, Duration.ofDays(30), Duration.ofDays(30),
        List.of(EntityLevel.USER));

    assertThat(report.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    LevelReport users = report.levels().get(0);
    assertThat(users.tiers()).containsExactly(
        new TierRow("pql", 2, 1, 1, 0.5, 10.0),
        new TierRow("warm", 1, 1, 0, 1.0, 22.0),
        new TierRow("cold", 2, 0, 2, 0.0, null),
        new TierRow("not_fit", 1, 0, 1, 0.0, null));
    assertThat(users.rest()).isEqualTo(new TierRow("rest", 3, 1, 2, 1.0 / 3, 22.0));
    assertThat(users.liftOverRest()).isEqualTo(1.5);
    assertThat(users.byType()).containsExactly(new TypeRow("hand_raiser", 1, 0, 0.0), new TypeRow("usage", 1, 1, 1.0));
    assertThat(users.funnel()).isEqualTo(new Funnel(6, 2, 2, 3));
    assertThat(users.pqlsPerWeek()).containsExactly(new WeekRow(LocalDate.parse("2026-11-02"), 1),
        new WeekRow(LocalDate.parse("2026-11-16"), 1));
    assertThat(users.scores()).as("latest scores in tens: u1-u3 at 80, u4-u6 at 10")
        .containsExactly(0, 3, 0, 0, 0, 0, 0, 0, 3, 0, 0);
  }

  @Test
  void aConversionPastTheHorizonDoesNotCountAndAnEntryOlderThanTheHorizonIsNoLongerOpen() {
    ConversionReport report = LiveReport.of(store, "s", NOW, Duration.ofDays(30), Duration.ofDays(7),
        List.of(EntityLevel.USER));

    assertThat(report.levels().get(0).tiers().get(0)).isEqualTo(new TierRow("pql", 2, 0, 0, 0.0, null));
  }

  private void change(String user, String day, PqlStatus status, String type, double activation) {
    store.write(c -> {
      new VerdictHistoryDao().record(c, "s", 1, Instant.parse(day + "T00:00:00Z"),
          Map.of(EntityRef.user(user), new Verdict(status, status == PqlStatus.PQL ? 80 : 10, type, activation)));
      return null;
    });
  }

  private void convert(String user, String day) {
    store.write(c -> new OutcomeDao().store(c, "s", List.of(new Outcome("deal " + user, EntityLevel.USER, null, user,
        Instant.parse(day + "T00:00:00Z"), null)), NOW));
  }
}
