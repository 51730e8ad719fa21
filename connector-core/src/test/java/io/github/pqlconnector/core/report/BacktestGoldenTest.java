package io.github.pqlconnector.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.ModelConfig;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.report.BacktestReport.Prediction;
import io.github.pqlconnector.core.report.BacktestReport.TierEntities;
import io.github.pqlconnector.core.report.ConversionReport.TierRow;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.testing.Dataset;
import io.github.pqlconnector.core.testing.JsonLinesSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backtest computed by hand: dates 11-02, 11-09, 11-16, 11-23 (2026), a 7-day window, PQL at 3 messages, held for
 * 8 days. u1: 3 messages on 11-05, PQL at 11-09, held (not cold) at 11-16 and 11-23, converted 11-20. u2: 2 messages
 * on 11-10 and one on 11-16 itself, which must not count at 11-16: cold. u3: PQL at 11-23, converted before.
 */
class BacktestGoldenTest {
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final String MODEL = """
      model:
        levels: [user]
        window: 7d
        metrics: { messages: { count: message_sent } }
        signals:
          - { name: "Messaging", metric: messages, gte: 3, points: 80, type: usage }
        hysteresis: 8d
      """;
  @TempDir Path dir;

  @Test
  void eachDateCountsOnlyTheDaysBeforeItAndHysteresisCarriesAcrossDates() throws IOException {
    new Dataset(dir).events("message_sent", 3, "u1", null, Instant.parse("2026-11-05T10:00:00Z"))
        .events("message_sent", 2, "u2", null, Instant.parse("2026-11-10T10:00:00Z"))
        .events("message_sent", 1, "u2", null, Instant.parse("2026-11-16T10:00:00Z"))
        .events("message_sent", 3, "u3", null, Instant.parse("2026-11-20T10:00:00Z"));
    Map<EntityRef, List<Instant>> conversions = Map.of(
        EntityRef.user("u1"), List.of(Instant.parse("2026-11-20T00:00:00Z")),
        EntityRef.user("u3"), List.of(Instant.parse("2026-10-01T00:00:00Z")));
    Backtest.Plan plan = new Backtest.Plan(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-23"), 7,
        Duration.ofDays(30), List.of(EntityLevel.USER));

    BacktestReport report = Backtest.run(new JsonLinesSource(dir), models(MODEL), plan, conversions, "s", NOW).get(0);

    assertThat(report.dates()).extracting(LocalDate::toString)
        .containsExactly("2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23");
    List<TierRow> tiers = report.report().levels().get(0).tiers();
    assertThat(tiers.get(0)).isEqualTo(new TierRow("pql", 2, 1, 1, 0.5, 11.0));
    assertThat(tiers.get(2)).as("u2 only: u1 is held as PQL, u2's message on 11-16 does not count then")
        .isEqualTo(new TierRow("cold", 1, 0, 1, 0.0, null));
    assertThat(report.tiers()).contains(new TierEntities("user", "pql", 2, 1, 0.5));
    assertThat(report.predictions()).containsExactly(new Prediction("user", 0.5, 1.0));
    assertThat(report.traits()).isEqualTo("as of now");
  }

  @Test
  void readingEachDateOnItsOwnGivesTheSameReportAsOneRead() throws IOException {
    new Dataset(dir).events("message_sent", 3, "u1", null, Instant.parse("2026-11-05T10:00:00Z"))
        .events("message_sent", 2, "u2", null, Instant.parse("2026-11-10T10:00:00Z"))
        .events("message_sent", 1, "u2", null, Instant.parse("2026-11-16T10:00:00Z"))
        .events("message_sent", 3, "u3", null, Instant.parse("2026-11-20T10:00:00Z"));
    Map<EntityRef, List<Instant>> conversions = Map.of(
        EntityRef.user("u1"), List.of(Instant.parse("2026-11-20T00:00:00Z")));
    Backtest.Plan plan = new Backtest.Plan(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-23"), 7,
        Duration.ofDays(30), List.of(EntityLevel.USER));

    BacktestReport oneRead = Backtest.run(new JsonLinesSource(dir), models(MODEL), plan, conversions, "s", NOW, 400)
        .get(0);
    BacktestReport dateByDate = Backtest.run(new JsonLinesSource(dir), models(MODEL), plan, conversions, "s", NOW, 7)
        .get(0);

    assertThat(dateByDate.report()).isEqualTo(oneRead.report());
    assertThat(dateByDate.tiers()).contains(new TierEntities("user", "pql", 2, 1, 0.5));
  }

  @Test
  void datesAreCutIntoGroupsWhoseDaysWithTheWindowFitOneRead() {
    List<LocalDate> dates = new Backtest.Plan(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-03-02"), 7,
        Duration.ofDays(30), List.of()).dates();

    assertThat(Backtest.groups(dates, 30, 60)).extracting(List::size).containsExactly(5, 4);
    assertThat(Backtest.groups(dates, 30, 400)).hasSize(1);
    assertThat(Backtest.groups(dates, 30, 10)).hasSize(dates.size());
  }

  @Test
  void aChallengerIsReplayedFromTheSameReadSideBySide() throws IOException {
    new Dataset(dir).events("message_sent", 2, "u1", null, Instant.parse("2026-11-05T10:00:00Z"));
    Backtest.Plan plan = new Backtest.Plan(LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-09"), 7,
        Duration.ofDays(30), List.of(EntityLevel.USER));
    Map<String, ModelConfig> both = new LinkedHashMap<>(models(MODEL));
    both.putAll(models(MODEL.replace("gte: 3", "gte: 2")).entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(e -> "challenger", Map.Entry::getValue)));

    List<BacktestReport> reports = Backtest.run(new JsonLinesSource(dir), both, plan, Map.of(), "s", NOW);

    assertThat(reports).extracting(BacktestReport::model).containsExactly("champion", "challenger");
    assertThat(reports.get(0).report().levels().get(0).tiers().get(0).entered()).isZero();
    assertThat(reports.get(1).report().levels().get(0).tiers().get(0).entered()).isEqualTo(1);
  }

  private Map<String, ModelConfig> models(String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("model-" + yaml.hashCode() + ".yaml"), yaml);
    return Map.of("champion", new ConfigLoader(Plugins.load(), Map.<String, String>of()::get).loadModel(file));
  }
}
