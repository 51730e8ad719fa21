package io.github.pqlconnector.app.it;

import io.github.pqlconnector.hubspot.fake.HubSpotFake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The real jar run as a cron job runs it, into the HubSpot module's stateful fake: {@link ClusterData}'s users seeded
 * as contacts, a file source, a HubSpot destination with the fake's token in the environment, each process's output
 * in its own log file.
 */
final class HubSpotRuns {
  private final Path dir;

  HubSpotRuns(Path dir) {
    this.dir = dir;
  }

  /** A fake holding a contact per generated user, answering each write after {@code writeDelay}. */
  static HubSpotFake fakeWithContacts(int users, Duration writeDelay) {
    HubSpotFake hubspot = new HubSpotFake().writeDelay(writeDelay);
    hubspot.seed(IntStream.range(0, users).mapToObj(i -> "u%06d@example.com".formatted(i)).toList(), List.of());
    return hubspot;
  }

  /** Contacts holding a verdict. */
  static long written(HubSpotFake hubspot) {
    return hubspot.records().values().stream().filter(fields -> fields.containsKey("pql_status")).count();
  }

  /** {@code pql.yaml} for the users; {@code destinationExtra} adds lines to the destination block (6 spaces in). */
  Path config(String baseUrl, String destinationExtra) throws IOException {
    Path config = dir.resolve("pql.yaml");
    Files.writeString(config, """
        state: { url: "jdbc:h2:file:%1$s/state" }
        %4$s
        destinations:
          crm:
            type: hubspot
            token: ${HUBSPOT_TOKEN}
            baseUrl: "%2$s"
        %3$s
        syncs:
          - { name: product-to-hubspot, source: product, destination: crm }
        """.formatted(dir, baseUrl, destinationExtra.indent(4).stripTrailing(),
            ClusterData.sourceAndModel(dir)));
    return config;
  }

  /** {@code java -Xmx256m -jar pql.jar ARGS}, output to {@code log}. */
  Process pql(String log, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-jar", ServeNode.JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(log).toFile());
    builder.environment().put("HUBSPOT_TOKEN", HubSpotFake.TOKEN);
    return builder.start();
  }

  String log(String name) throws IOException {
    Path file = dir.resolve(name);
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
