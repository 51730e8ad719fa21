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
