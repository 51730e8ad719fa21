package io.github.pqlconnector.app.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.pqlconnector.app.admin.DestinationHealth;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.sync.Connectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Destination checks in the background: a writable csv directory is ok, one that cannot be made is failing, and a
 * HubSpot that refuses the token is failing after one call, with a message that does not quote the token.
 */
class DestinationMonitorTest {
  static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  @TempDir Path dir;

  @Test
  void eachDestinationIsUnknownUntilCheckedThenOkOrFailingWithTheCheckMessage() {
    AtomicReference<PqlConfig> config = new AtomicReference<>(config("""
        good: { type: csv, directory: "%1$s/out" }
        bad: { type: csv, directory: "%1$s/missing/deeper/out" }
        """));
    DestinationMonitor monitor = new DestinationMonitor(config::get,
        new Connectors(Plugins.load(), Clock.fixed(NOW, ZoneOffset.UTC)));
    assertThat(monitor.health()).extracting(DestinationHealth::status).containsExactly("unknown", "unknown");

    monitor.checkAll();
    assertThat(monitor.health()).containsExactly(
        new DestinationHealth("good", "csv", "ok", "can write to " + dir.resolve("out"), NOW),
        new DestinationHealth("bad", "csv", "failing", "cannot write to " + dir.resolve("missing/deeper/out"), NOW));

    config.set(config("""
        good: { type: csv, directory: "%1$s/out" }
        added: { type: csv, directory: "%1$s/out" }
        """));
    assertThat(monitor.health()).as("after a reload").extracting(DestinationHealth::name, DestinationHealth::status)
        .containsExactly(tuple("good", "ok"), tuple("added", "unknown"));
  }

  @Test
  void startedItChecksInTheBackgroundAndStopsOnClose() {
    PqlConfig config = config("""
        good: { type: csv, directory: "%1$s/out" }
        """);
    try (DestinationMonitor monitor = new DestinationMonitor(() -> config,
        new Connectors(Plugins.load(), Clock.systemUTC()), Duration.ofMinutes(5))) {
      monitor.start();
      Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> monitor.health().get(0).status().equals(DestinationHealth.OK));
    }
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().equals("pql-destination-checks")));
  }

  @Test
  void aHubSpotThatRefusesTheTokenIsFailingAfterOneCallAndTheMessageHoldsNoSecret() {
    WireMockServer hubspot = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    hubspot.start();
    try {
      hubspot.stubFor(WireMock.get(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(401)
          .withHeader("Content-Type", "application/json")
          .withBody("{\"status\":\"error\",\"message\":\"Authentication credentials not found\","
              + "\"category\":\"INVALID_AUTHENTICATION\"}")));
      PqlConfig config = config("""
          crm: { type: hubspot, token: "${HUBSPOT_TOKEN}", baseUrl: "%s/" }
          good: { type: csv, directory: "%%1$s/out" }
          """.formatted(hubspot.baseUrl()));
      DestinationMonitor monitor = new DestinationMonitor(() -> config,
          new Connectors(Plugins.load(), Clock.fixed(NOW, ZoneOffset.UTC)));

      monitor.checkAll();
      DestinationHealth crm = monitor.health().get(0);
      assertThat(crm.status()).isEqualTo(DestinationHealth.FAILING);
      assertThat(crm.message()).contains("HubSpot rejected the credentials").doesNotContain("pat-secret-123");
      assertThat(hubspot.getAllServeEvents()).as("a check is one call, never retried").hasSize(1);
    } finally {
      hubspot.stop();
    }
  }

  private PqlConfig config(String destinations) {
    try {
      Files.writeString(dir.resolve("events.jsonl"), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String yaml = """
        sources:
          product: { type: file, events: "%1$s/events.jsonl" }
        model: { levels: [user], metrics: { m: { count: message_sent } } }
        destinations:
        """ + destinations.indent(2) + """
        syncs:
          - { name: s, source: product, destination: good }
        """;
    return new ConfigLoader(Plugins.load(), Map.of("HUBSPOT_TOKEN", "pat-secret-123")::get)
        .parse(yaml.formatted(dir.toString().replace("\\", "/")));
  }
}
