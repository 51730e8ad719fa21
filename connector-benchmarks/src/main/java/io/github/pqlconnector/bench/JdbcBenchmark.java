package io.github.pqlconnector.bench;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.PqlResult;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.EvaluationStep;
import io.github.pqlconnector.core.sync.Progress;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code jdbc} source on 10 million Segment-shaped rows in PostgreSQL ({@link JdbcBenchData}): the same
 * model evaluated by pulling raw events through JDBC (events per second) and by pushdown (the warehouse
 * aggregates, one row per entity comes back), then a check that both gave the same verdicts.
 * Usage: {@code JdbcBenchmark [jdbcUrl] [rows]} (default the local test database, 10,000,000 rows).
 */
public final class JdbcBenchmark {
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final String SCHEMA = "pql_bench_segment";
  private static final PrintStream OUT = System.out;
  private static final String MODEL = """
      model:
        levels: [account, user]
        window: 30d
        metrics:
          messages: { count: Message Sent }
          active_days_14: { activeDays: "*", window: 14d }
          seats: { distinctUsers: "*" }
          last_seen: { lastSeen: "*" }
        activation: { steps: [Doc Created, Teammate Invited, Doc Shared, Integration Installed] }
        fit:
          account: [ { trait: employees, gte: 10 } ]
          user: [ { trait: email, notMatches: "(?i)@gmail\\\\." } ]
        signals:
          - { name: "Heavy messaging", metric: messages, gte: 200, points: 40, type: usage }
          - { name: "Engaged", metric: active_days_14, gte: 10, points: 20, type: engagement }
          - { name: "Team", metric: seats, gte: 8, points: 20, type: usage, levels: [account] }
          - { name: "Activated", metric: activation_pct, gte: 75, points: 20, type: usage }
          - { name: "Asked for sales", anyEvent: [Pricing Viewed], points: 35, type: hand_raiser }
          - { name: "Hit the limit", anyEvent: [Limit Reached], points: 30, type: limit_reached }
        tiers: { pql: 70, warm: 40 }
      destinations: { out: { type: csv, directory: ./target/jdbc-bench-out } }
      syncs: [ { name: s, source: wh, destination: out } ]
      sources:
        wh: { type: jdbc, url: "%s", username: postgres, preset: segment, schema: %s, pushdown: %s }
      """;

  private JdbcBenchmark() {}

  public static void main(String[] args) throws SQLException {
    String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test";
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    OUT.printf("jvm:     %s, %d cpus, max heap %,d MiB%n", System.getProperty("java.runtime.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    JdbcBenchData.prepare(url + "?user=postgres", SCHEMA, rows, NOW, OUT);
    for (int i = 0; i < 2; i++) {
      Measured raw = measure(url, false);
      Measured pushed = measure(url, true);
      OUT.printf("round %d: raw events %.2f s (%,d events, %,.0f events/s); pushdown %.2f s; %.1f× faster%n", i + 1,
          raw.seconds, raw.events, raw.events / raw.seconds, pushed.seconds, raw.seconds / pushed.seconds);
      OUT.printf("         same verdicts both ways: %s; statuses %s%n", raw.verdicts.equals(pushed.verdicts),
          statuses(raw.verdicts));
    }
  }

  record Measured(double seconds, long events, List<PqlResult> verdicts) {}

  private static Measured measure(String url, boolean pushdown) {
    long started = System.nanoTime();
    Plugins plugins = Plugins.load();
    PqlConfig config = new ConfigLoader(plugins, name -> null).parse(MODEL.formatted(url, SCHEMA, pushdown));
    CompiledModel model = new CompiledModel(config.model());
    try (AnalyticsSource source = new Connectors(plugins, Clock.systemUTC()).source(config.sources().get("wh"))) {
      EvaluationStep.Evaluated evaluated = new EvaluationStep(model).run(source, Map.of(), List.of(), NOW, null,
          Progress.NONE);
      List<PqlResult> verdicts = evaluated.evaluations().stream().map(Evaluation::result).toList();
      return new Measured((System.nanoTime() - started) / 1e9, evaluated.eventsRead(), verdicts);
    }
  }

  private static Map<String, Integer> statuses(List<PqlResult> verdicts) {
    Map<String, Integer> counts = new TreeMap<>();
    verdicts.forEach(v -> counts.merge(v.entity().level().id() + ":" + v.status().name().toLowerCase(java.util.Locale.ROOT), 1,
        Integer::sum));
    return counts;
  }
}
