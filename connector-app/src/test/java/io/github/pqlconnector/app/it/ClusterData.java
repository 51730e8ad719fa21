package io.github.pqlconnector.app.it;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Users with 0–15 messages each (a quarter have 12 or more), for the cluster tests. */
final class ClusterData {
  private final Path dir;

  ClusterData(Path dir) {
    this.dir = dir;
  }

  /**
   * The {@code sources} and {@code model} blocks of a {@code pql.yaml} reading these files from {@code dir}: a
   * file source, and a user is a PQL with 12 messages or more.
   */
  static String sourceAndModel(Path dir) {
    return """
        sources:
          product: { type: file, events: "%1$s/events.jsonl", users: "%1$s/users.csv" }
        model:
          levels: [user]
          metrics: { messages_sent: { count: message_sent } }
          signals: [ { name: "Heavy messaging", metric: messages_sent, gte: 12, points: 80 } ]""".formatted(dir);
  }

  void write(int users) throws IOException {
    Instant now = Instant.now();
    try (BufferedWriter events = Files.newBufferedWriter(dir.resolve("events.jsonl"));
        BufferedWriter traits = Files.newBufferedWriter(dir.resolve("users.csv"))) {
      traits.write("id,email\n");
      for (int i = 0; i < users; i++) {
        String user = "u%06d".formatted(i);
        traits.write(user + "," + user + "@example.com\n");
        for (int n = 0; n < i % 16; n++) {
          events.write("{\"event\":\"message_sent\",\"timestamp\":\"" + now.minusSeconds(3_600L * (n + 1))
              + "\",\"userId\":\"" + user + "\"}\n");
        }
      }
    }
  }
}
