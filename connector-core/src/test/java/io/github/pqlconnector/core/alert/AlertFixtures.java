package io.github.pqlconnector.core.alert;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.testing.Dataset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** A sync from test JSON Lines to csv whose users qualify on three messages, with both alert receivers. */
final class AlertFixtures {
  static final String SLACK_URL = "https://hooks.slack.com/services/T0AAA1111/B0BBB2222/Sl4ckS3cretT0ken9876";
  static final String SLACK_PATH = "/services/T0AAA1111/B0BBB2222/Sl4ckS3cretT0ken9876";
  static final String WEBHOOK_SECRET = "wh-s3cret-4411-signing-key";

  private AlertFixtures() {}

  /** {@code alertsExtra}: more keys of the alerts block, such as {@code on: [run_failed]}. */
  static PqlConfig config(Path dir, String slackBase, String webhookUrl, String alertsExtra) {
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

  /** {@code users} users that each sent three messages: every one a PQL. */
  static void qualifyingUsers(Path data, int users, Instant at) {
    try {
      java.nio.file.Files.createDirectories(data);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Dataset dataset = new Dataset(data);
    for (int i = 1; i <= users; i++) {
      String id = "u%02d".formatted(i);
      dataset.user(id, id + "@acme.io", "a1").events("message_sent", 3, id, "a1", at);
    }
  }
}
