package io.github.pqlconnector.app.testing;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The config of the small product the command and scheduler tests run: {@code events.jsonl}, {@code users.csv}
 * and {@code accounts.csv} in one directory, one metric, a fit rule, two signals, a CSV destination with tasks,
 * one sync {@code product-to-crm}.
 */
public final class SmallProduct {
  private SmallProduct() {}

  /** The YAML, with the sync's extra keys ({@code cron: "…"}) or none. */
  public static String config(Path dir, @Nullable String syncExtras) {
    return """
        state: { url: "jdbc:h2:file:%1$s/state/pql" }
        sources:
          product: { type: file, events: "%1$s/events.jsonl", users: "%1$s/users.csv", accounts: "%1$s/accounts.csv" }
        model:
          metrics:
            messages_sent: { count: message_sent }
          fit:
            account: [ { trait: employees, gte: 10 } ]
          signals:
            - { name: "Heavy messaging", metric: messages_sent, gte: 20, points: 50, type: usage, reason: "Sent {value} messages" }
            - { name: "Asked for sales", anyEvent: [pricing_viewed], points: 35, type: hand_raiser }
        destinations:
          crm: { type: csv, directory: "%1$s/out", tasks: { on: [pql, hand_raiser], owner: default, defaultOwnerId: rep-1 } }
        syncs:
          - { name: product-to-crm, source: product, destination: crm%2$s }
        """.formatted(dir.toString().replace("\\", "/"), syncExtras == null ? "" : ", " + syncExtras);
  }
}
