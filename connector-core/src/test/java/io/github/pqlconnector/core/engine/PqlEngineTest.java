package io.github.pqlconnector.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.EntityState;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.model.SignalOutcome;
import io.github.pqlconnector.core.sync.EvaluationStep;
import io.github.pqlconnector.core.sync.Progress;
import io.github.pqlconnector.core.testing.Dataset;
import io.github.pqlconnector.core.testing.JsonLinesSource;
import io.github.pqlconnector.core.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PqlEngineTest {
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final String MODEL = """
      model:
        levels: [user]
        metrics:
          messages_sent: { count: message_sent }
        signals:
          - { name: "Heavy messaging", metric: messages_sent, gte: 10, points: 60, type: usage, reason: "Sent {value} messages" }
          - { name: "Very heavy", metric: messages_sent, gte: 20, points: 60, type: usage }
          - { name: "Asked for sales", anyEvent: [pricing_viewed], points: 45, type: hand_raiser }
        tiers: { pql: 70, warm: 40 }
        hysteresis: 7d
      """;

  @TempDir Path dir;

  @Test
  void scoreIsCappedAt100AndReasonsAreStrongestFirst() {
    new Dataset(dir).events("message_sent", 25, "u1", null, NOW).events("pricing_viewed", 1, "u1", null, NOW);
    Evaluation u1 = evaluate(EntityState.NEW, NOW).get(0);
    assertThat(u1.result().score()).isEqualTo(100);
    assertThat(u1.result().reasons()).containsExactly("Sent 25 messages (≥ 10)", "Very heavy: messages_sent 25 (≥ 20)",
        "Asked for sales (1× pricing_viewed in 30d)");
    assertThat(u1.result().primaryType()).isEqualTo("usage");
  }

  @Test
  void missedSignalsSayWhatWasNeededForExplain() {
    new Dataset(dir).events("message_sent", 12, "u1", null, NOW);
    assertThat(evaluate(EntityState.NEW, NOW).get(0).signals()).extracting(SignalOutcome::name)
        .containsExactly("Heavy messaging");
    Evaluation u1 = EvaluationStep.withFullWorking(model()).run(new JsonLinesSource(dir), Map.of(), List.of(), NOW, null,
        Progress.NONE).evaluations().get(0);
    assertThat(u1.signals()).extracting(SignalOutcome::fired, SignalOutcome::explanation).containsExactly(
        org.assertj.core.groups.Tuple.tuple(true, "Sent 12 messages (≥ 10)"),
        org.assertj.core.groups.Tuple.tuple(false, "Very heavy: messages_sent is 12 (needs ≥ 20)"),
        org.assertj.core.groups.Tuple.tuple(false, "Asked for sales: no pricing_viewed in 30d"));
    assertThat(u1.result().status()).isEqualTo(PqlStatus.WARM);
  }

  @Test
  void keepsPqlForConfiguredPeriodAfterScoreDrops() {
    Dataset data = new Dataset(dir).events("message_sent", 25, "u1", null, NOW);
    Evaluation qualified = evaluate(EntityState.NEW, NOW).get(0);
    assertThat(qualified.result().status()).isEqualTo(PqlStatus.PQL);
    assertThat(qualified.result().qualifiedAt()).isEqualTo(NOW);

    data.clearEvents().events("message_sent", 12, "u1", null, NOW.plus(Duration.ofDays(1)));
    Instant day1 = NOW.plus(Duration.ofDays(1));
    Evaluation held = evaluate(qualified.state(), day1).get(0);
    assertThat(held.result().status()).isEqualTo(PqlStatus.PQL);
    assertThat(held.result().qualifiedAt()).isEqualTo(NOW);
    assertThat(held.result().reasons().get(0)).isEqualTo("Held as PQL until 2026-12-08: score 60 is below 70");

    Instant day6 = NOW.plus(Duration.ofDays(6));
    Evaluation stillHeld = evaluate(held.state(), day6).get(0);
    assertThat(stillHeld.result().status()).isEqualTo(PqlStatus.PQL);
    assertThat(stillHeld.state().belowSince()).isEqualTo(day1);

    Evaluation dropped = evaluate(stillHeld.state(), day1.plus(Duration.ofDays(7))).get(0);
    assertThat(dropped.result().status()).isEqualTo(PqlStatus.WARM);
    assertThat(dropped.result().qualifiedAt()).isNull();
  }

  @Test
  void qualifiedAtIsKeptAcrossRunsOfTheSameEpisodeAndRenewedForANewOne() {
    Dataset data = new Dataset(dir).events("message_sent", 25, "u1", null, NOW);
    Evaluation first = evaluate(EntityState.NEW, NOW).get(0);
    Evaluation second = evaluate(first.state(), NOW.plusSeconds(3600)).get(0);
    assertThat(second.result().qualifiedAt()).isEqualTo(NOW);

    EntityState cold = new EntityState(PqlStatus.COLD, 0, null, null, Map.of());
    Instant later = NOW.plus(Duration.ofDays(20));
    data.clearEvents().events("message_sent", 25, "u1", null, later);
    assertThat(evaluate(cold, later).get(0).result().qualifiedAt()).isEqualTo(later);
  }

  @Test
  void anEntityWithoutActivityIsStillDecidedWhenKnown() {
    new Dataset(dir).events("message_sent", 1, "u2", null, NOW);
    List<Evaluation> all = new EvaluationStep(model()).run(new JsonLinesSource(dir), Map.of(),
        List.of(EntityRef.user("gone")), NOW, null, Progress.NONE).evaluations();
    assertThat(all).extracting(e -> e.entity().id()).containsExactly("gone", "u2");
    assertThat(all.get(0).result().status()).isEqualTo(PqlStatus.COLD);
  }

  @Test
  void activeDaysCountTheLastNCalendarDaysTodayIncluded() {
    Dataset data = new Dataset(dir);
    for (int day = 0; day < 14; day++) {
      data.events("page_viewed", 1, "u1", null, NOW.minus(Duration.ofDays(day)).minusSeconds(60));
    }
    data.events("page_viewed", 1, "u1", null, NOW.minus(Duration.ofDays(14)).plusSeconds(60));
    String model = MODEL.replace("messages_sent: { count: message_sent }",
        "messages_sent: { count: message_sent }\n    active_14: { activeDays: \"*\", window: 14d }");
    PqlConfig config = TestConfigs.around(model, dir, dir.resolve("out"), "");
    Evaluation u1 = new EvaluationStep(new CompiledModel(config.model())).run(new JsonLinesSource(dir), Map.of(),
        List.of(), NOW, null, Progress.NONE).evaluations().get(0);
    assertThat(u1.result().metrics().get("active_14")).isEqualTo(14.0);
  }

  @Test
  void windowsAreWholeUtcDaysEndingNow() {
    new Dataset(dir).events("message_sent", 1, "u1", null, NOW)
        .events("message_sent", 1, "u1", null, Instant.parse("2026-11-01T00:00:00Z"))
        .events("message_sent", 1, "u1", null, Instant.parse("2026-10-31T23:59:59Z"))
        .events("message_sent", 1, "u1", null, NOW.plusMillis(1));
    assertThat(evaluate(EntityState.NEW, NOW).get(0).result().metrics().get("messages_sent")).isEqualTo(2.0);
  }

  @Test
  void eventsWithoutAnAccountCountForTheAccountOfTheUsersLatestEventThatHadOne() {
    String model = MODEL.replace("levels: [user]", "levels: [account, user]");
    new Dataset(dir).events("message_sent", 3, "u1", null, NOW.minus(Duration.ofDays(2)))
        .events("message_sent", 1, "u1", "a_new", NOW.minus(Duration.ofDays(1)))
        .events("message_sent", 2, "u1", "a_old", NOW.minus(Duration.ofDays(3)))
        .events("message_sent", 4, "u1", "a_gone", NOW.minus(Duration.ofDays(40)));
    PqlConfig config = TestConfigs.around(model, dir, dir.resolve("out"), "");
    List<Evaluation> all = new EvaluationStep(new CompiledModel(config.model())).run(new JsonLinesSource(dir),
        Map.of(), List.of(), NOW, null, Progress.NONE).evaluations();
    assertThat(all).extracting(e -> e.entity().toString(), e -> e.result().metrics().get("messages_sent"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("account:a_new", 4.0),
            org.assertj.core.groups.Tuple.tuple("account:a_old", 2.0),
            org.assertj.core.groups.Tuple.tuple("user:u1", 6.0));
  }

  private List<Evaluation> evaluate(EntityState prior, Instant now) {
    return new EvaluationStep(model()).run(new JsonLinesSource(dir), Map.of(EntityRef.user("u1"), prior), List.of(),
        now, null, Progress.NONE).evaluations();
  }

  private CompiledModel model() {
    PqlConfig config = TestConfigs.around(MODEL, dir, dir.resolve("out"), "");
    return new CompiledModel(config.model());
  }
}
