package io.github.pqlconnector.core.testing;

import io.github.pqlconnector.core.alert.AlertMetrics;
import io.github.pqlconnector.core.alert.AlertQueue;
import io.github.pqlconnector.core.alert.AlertSender;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.Progress;
import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.sync.RunTrigger;
import io.github.pqlconnector.core.sync.SyncRunner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A sync {@code s} from test JSON Lines to csv whose users qualify on three messages, alerting both a Slack and a
 * webhook receiver, on a clock the test moves: its state store, runner, sender and alert counters.
 */
public final class AlertRig implements AutoCloseable {
  public static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  public static final String SLACK_PATH = "/services/T0AAA1111/B0BBB2222/Sl4ckS3cretT0ken9876";
  public static final String SLACK_URL = "https://hooks.slack.com" + SLACK_PATH;
  public static final String WEBHOOK_SECRET = "wh-s3cret-4411-signing-key";

  public final MutableClock clock = new MutableClock(NOW);
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  public final PqlConfig config;
  public final Connectors connectors;
  public StateStore store;

  /** {@code users} qualifying users in {@code home}/data; {@code alertsExtra}: more keys of the alerts block. */
  public AlertRig(Path home, String slackBase, String webhookUrl, String alertsExtra, int users) {
    config = config(home, slackBase, webhookUrl, alertsExtra);
    store = StateStore.open(config.state());
    connectors = new Connectors(Plugins.load(), clock);
    qualifyingUsers(home.resolve("data"), users);
  }

  public static PqlConfig config(Path dir, String slackBase, String webhookUrl, String alertsExtra) {
    String yaml = """
        state: { url: "jdbc:h2:file:%1$s/state" }
        model:
          levels: [user]
          metrics: { m: { count: message_sent } }
          signals:
            - { name: "Sent 3 messages", metric: m, gte: 3, points: 80, type: usage }
          tiers: { pql: 70, warm: 40 }
        sources: { src: { type: testjsonl, directory: "%1$s/data" } }
        destinations: { out: { type: csv, directory: "%1$s/out" } }
        syncs: [ { name: s, source: src, destination: out, cron: "0 */30 * * * ?" } ]
        alerts:
          slack: { webhookUrl: "${SLACK_WEBHOOK_URL}", baseUrl: "%2$s" }
          webhook: { url: "%3$s", secret: "${PQL_WEBHOOK_SECRET}" }
          %4$s
        """.formatted(dir.toString().replace("\\", "/"), slackBase, webhookUrl, alertsExtra);
    return new ConfigLoader(Plugins.load(), Map.of("SLACK_WEBHOOK_URL", SLACK_URL,
        "PQL_WEBHOOK_SECRET", WEBHOOK_SECRET)::get).parse(yaml);
  }

  public AlertMetrics metrics() {
    return new AlertMetrics(registry);
  }

  public SyncRunner runner() {
    return new SyncRunner(config, store, connectors, AlertQueue.of(config.alerts(), store, clock, metrics()));
  }

  public RunSummary run() {
    return runner().run("s", RunTrigger.MANUAL, false, Progress.NONE);
  }

  public AlertSender sender() {
    return AlertSender.create(config.alerts(), store, connectors.http(), clock, metrics());
  }

  /** {@code pql_alerts_total} of {@code kind} and {@code outcome}. */
  public double count(String kind, String outcome) {
    return registry.counter("pql.alerts", "kind", kind, "outcome", outcome).count();
  }

  @Override
  public void close() {
    store.close();
  }

  /** Users u01… that each sent three messages an hour ago: every one a PQL. */
  private void qualifyingUsers(Path data, int users) {
    try {
      Files.createDirectories(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Dataset dataset = new Dataset(data);
    for (int i = 1; i <= users; i++) {
      String id = "u%02d".formatted(i);
      dataset.user(id, id + "@acme.io", "a1").events("message_sent", 3, id, "a1", NOW.minusSeconds(3600));
    }
  }
}
