package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.EntityMetrics;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.MetricPushdown;
import io.github.pqlconnector.core.spi.PushdownRequest;
import io.github.pqlconnector.core.spi.PushedMetric;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.ReadResult;
import io.github.pqlconnector.core.spi.TraitsSink;
import io.github.pqlconnector.core.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source that aggregates itself: the engine asks it for the model's metrics and never reads an event. */
class EvaluationStepPushdownTest {
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final String MODEL = """
      model:
        levels: [account, user]
        metrics:
          messages: { count: message_sent }
          channels: { distinct: { event: message_sent, property: channel }, window: 14d }
          first_seen: { firstSeen: "*", window: 60d }
          last_seen: { lastSeen: "*" }
        activation: { steps: [doc_created, teammate_invited] }
        signals:
          - { name: "Heavy", metric: messages, gte: 10, points: 40, type: usage }
          - { name: "Asked", anyEvent: [pricing_viewed], points: 35, type: hand_raiser }
      """;
  @TempDir Path dir;

  /** Sends scripted rows; fails the test if the engine asks for raw events. */
  static final class Aggregating implements AnalyticsSource, MetricPushdown {
    PushdownRequest request;

    @Override
    public boolean pushdownEnabled() {
      return true;
    }

    @Override
    public void aggregate(PushdownRequest request, Consumer<EntityMetrics> sink) {
      this.request = request;
      long tenDaysAgo = NOW.minus(Duration.ofDays(10)).toEpochMilli();
      sink.accept(new EntityMetrics(EntityRef.user("u1"), Map.of("messages", 12.0, "channels", 3.0,
          "first_seen", (double) tenDaysAgo, "anyEvent:Asked", 1.0), Set.of("doc_created"), "ana@example.com", "a1"));
      sink.accept(new EntityMetrics(EntityRef.account("a1"), Map.of("messages", 12.0, "channels", 3.0,
          "first_seen", (double) tenDaysAgo, "anyEvent:Asked", 1.0), Set.of("doc_created", "teammate_invited"),
          null, null));
    }

    @Override
    public ReadResult readEvents(ReadRequest request, EventSink sink) {
      throw new AssertionError("a pushdown source is never asked for raw events");
    }

    @Override
    public void readTraits(EntityLevel level, TraitsSink sink) {}

    @Override
    public CheckResult check() {
      return CheckResult.ok("test");
    }

    @Override
    public void close() {}
  }

  @Test
  void theModelIsAskedForVendorNeutrallyAndTheRowsBecomeVerdicts() {
    PqlConfig config = TestConfigs.around(MODEL, dir, dir, "");
    Aggregating source = new Aggregating();
    EvaluationStep.Evaluated evaluated = new EvaluationStep(new CompiledModel(config.model()))
        .run(source, Map.of(), List.of(), NOW, "cursor-7", Progress.NONE);

    assertThat(source.request.today()).isEqualTo(LocalDate.parse("2026-11-30").toEpochDay());
    assertThat(source.request.days()).isEqualTo(60);
    assertThat(source.request.from()).isEqualTo(Instant.parse("2026-10-02T00:00:00Z"));
    assertThat(source.request.to()).isEqualTo(NOW.plusMillis(1));
    assertThat(source.request.activationSteps()).containsExactly("doc_created", "teammate_invited");
    assertThat(source.request.activationDays()).isEqualTo(30);
    assertThat(source.request.metrics()).containsExactly(
        new PushedMetric("messages", PushedMetric.Kind.COUNT, Set.of("message_sent"), null, 30),
        new PushedMetric("channels", PushedMetric.Kind.DISTINCT, Set.of("message_sent"), "channel", 14),
        new PushedMetric("first_seen", PushedMetric.Kind.FIRST_SEEN, Set.of(), null, 60),
        new PushedMetric("last_seen", PushedMetric.Kind.LAST_SEEN, Set.of(), null, 30),
        new PushedMetric("anyEvent:Asked", PushedMetric.Kind.COUNT, Set.of("pricing_viewed"), null, 30));

    assertThat(evaluated.eventsRead()).isZero();
    assertThat(evaluated.cursor()).isEqualTo("cursor-7");
    Evaluation account = evaluated.evaluations().get(0);
    assertThat(account.result().metrics()).containsExactly(Map.entry("messages", 12.0), Map.entry("channels", 3.0),
        Map.entry("first_seen", 10.0), Map.entry("activation_pct", 100.0));
    assertThat(account.result().status()).isEqualTo(PqlStatus.PQL);
    Evaluation user = evaluated.evaluations().get(1);
    assertThat(user.result().activationPct()).isEqualTo(50.0);
    assertThat(user.traits().values()).containsEntry(Traits.EMAIL, "ana@example.com")
        .containsEntry(Traits.ACCOUNT_ID, "a1");
    assertThat(user.result().reasons()).hasSize(2);
  }
}
