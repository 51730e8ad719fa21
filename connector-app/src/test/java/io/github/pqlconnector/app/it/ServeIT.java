package io.github.pqlconnector.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real {@code pql serve} on H2: SIGHUP reloads, an invalid file keeps the old schedule, SIGTERM exits 0. */
class ServeIT {
  @TempDir Path dir;

  @Test
  void sighupReloadsAndAnInvalidFileKeepsTheOldSchedule() throws Exception {
    new ClusterData(dir).write(50);
    Path config = dir.resolve("pql.yaml");
    String yaml = """
        state: { url: "jdbc:h2:file:%1$s/state" }
        sources: { product: { type: file, events: "%1$s/events.jsonl", users: "%1$s/users.csv" } }
        model: { levels: [user], metrics: { m: { count: message_sent } } }
        destinations: { crm: { type: csv, directory: "%1$s/out" } }
        syncs: [ { name: nightly, source: product, destination: crm, cron: "0 0 3 * * ?" } ]
        """.formatted(dir);
    Files.writeString(config, yaml);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (ServeNode node = ServeNode.start("solo", config, dir, port)) {
      Files.writeString(config, yaml.replace("0 0 3 * * ?", "*/61 * * *"));
      node.hangup();
      node.awaitLog("reload rejected", Duration.ofSeconds(10));
      assertThat(node.log()).contains("syncs[0].cron: invalid cron expression \"*/61 * * *\"");
      assertThat(syncs(port)).contains("\"cron\":\"0 0 3 * * ?\"");

      Files.writeString(config, yaml.replace("0 0 3 * * ?", "0 30 4 * * ?"));
      node.hangup();
      await().atMost(Duration.ofSeconds(10)).until(() -> syncs(port).contains("\"cron\":\"0 30 4 * * ?\""));
      assertThat(node.terminate(Duration.ofSeconds(30))).isZero();
    }
  }

  private static String syncs(int port) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/syncs"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
