package io.github.pqlconnector.core.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.AlertDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.Progress;
import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.sync.RunTrigger;
import io.github.pqlconnector.core.sync.SyncRunner;
import io.github.pqlconnector.core.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver answering 500 twice and then 200: retried after 30 s and 60 s (nothing earlier), then sent; the run
 * never fails, its successor's history says the receiver is failing, and every attempt is counted.
 */
@WireMockTest
class AlertDeliveryFailureTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  @TempDir Path dir;
  MutableClock clock = new MutableClock(NOW);
  SimpleMeterRegistry registry = new SimpleMeterRegistry();
  PqlConfig config;
  StateStore store;
  Connectors connectors;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(AlertFixtures.SLACK_PATH)).willReturn(aResponse().withStatus(200)));
    config = AlertFixtures.config(dir, wm.getHttpBaseUrl(), wm.getHttpBaseUrl() + "/pql", "on: [new_pqls]");
    store = StateStore.open(config.state());
    connectors = new Connectors(Plugins.load(), clock);
    AlertFixtures.qualifyingUsers(dir.resolve("data"), 2, NOW.minusSeconds(3600));
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void failingReceiverIsRetriedWithBackoffThenSentAndTheRunNeverFails() {
    failTwiceThenAccept();
    assertThat(run().status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
    AlertSender sender = sender();
    assertThat(sender.sendDue()).as("Slack took it, the webhook answered 500").isEqualTo(1);
    clock.advance(Duration.ofSeconds(29));
    assertThat(sender.sendDue()).as("not due before 30 s").isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(sender.sendDue()).as("second 500").isZero();
    clock.advance(Duration.ofSeconds(59));
    assertThat(sender.sendDue()).as("not due before 60 s more").isZero();
    WireMock.verify(2, postRequestedFor(urlEqualTo("/pql")));
    clock.advance(Duration.ofSeconds(1));
    assertThat(sender.sendDue()).isEqualTo(1);
    WireMock.verify(3, postRequestedFor(urlEqualTo("/pql")));
    assertThat(count("retried")).isEqualTo(2);
    assertThat(count("sent")).isEqualTo(2);
  }

  @Test
  void aReceiverThatKeepsFailingIsGivenUpAndShownInTheNextRunsHistory() {
    stubFor(post(urlEqualTo("/pql")).willReturn(aResponse().withStatus(503)));
    run();
    AlertSender sender = new AlertSender(store, AlertReceivers.from(config.alerts()),
        new AlertPoster(connectors.http(), AlertReceivers.from(config.alerts())), clock, new AlertMetrics(registry),
        "node-a", new AlertSender.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 3));
    for (int i = 0; i < 3; i++) {
      sender.sendDue();
      clock.advance(Duration.ofSeconds(1));
    }
    WireMock.verify(3, postRequestedFor(urlEqualTo("/pql")));
    assertThat(count("failed")).isEqualTo(1);
    long failed = store.read(c -> new AlertDao().count(c, "FAILED"));
    assertThat(failed).isEqualTo(1);
    RunSummary next = run();
    assertThat(next.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
    assertThat(next.report().destinationNotes()).anyMatch(n -> n.startsWith("alerts to webhook are failing:")
        && n.contains("1 given up") && n.contains("HTTP 503"));
  }

  @Test
  void aPermanentRefusalIsGivenUpAtOnce() {
    stubFor(post(urlEqualTo("/pql")).willReturn(aResponse().withStatus(410)));
    run();
    sender().sendDue();
    clock.advance(Duration.ofHours(1));
    sender().sendDue();
    WireMock.verify(1, postRequestedFor(urlEqualTo("/pql")));
    assertThat(count("failed")).isEqualTo(1);
  }

  @Test
  void anUnreachableReceiverNeitherBlocksNorFailsTheRun() {
    PqlConfig unreachable = AlertFixtures.config(dir, "http://127.0.0.1:9", "http://127.0.0.1:9/pql", "");
    RunSummary summary = new SyncRunner(unreachable, store, connectors, AlertQueue.of(unreachable.alerts(), store,
        clock, new AlertMetrics(registry))).run("s", RunTrigger.MANUAL, false, Progress.NONE);
    assertThat(summary.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
    assertThat(AlertSender.create(unreachable.alerts(), store, connectors.http(), clock,
        new AlertMetrics(registry)).sendDue()).isZero();
    assertThat(count("retried")).isEqualTo(2);
  }

  @Test
  void anAlertQueueThatThrowsNeverFailsTheRun() {
    store.close();   // every write of the queue fails from here on; the runner's own store is another one
    try (StateStore runs = StateStore.open(config.state())) {
      RunSummary summary = new SyncRunner(config, runs, connectors, new AlertQueue(config.alerts(), store, clock,
          new AlertMetrics(registry))).run("s", RunTrigger.MANUAL, false, Progress.NONE);
      assertThat(summary.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
    } finally {
      store = StateStore.open(config.state());
    }
  }

  private void failTwiceThenAccept() {
    stubFor(post(urlEqualTo("/pql")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("once"));
    stubFor(post(urlEqualTo("/pql")).inScenario("flaky").whenScenarioStateIs("once")
        .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
    stubFor(post(urlEqualTo("/pql")).inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(aResponse().withStatus(200)));
  }

  private RunSummary run() {
    return new SyncRunner(config, store, connectors, AlertQueue.of(config.alerts(), store, clock,
        new AlertMetrics(registry))).run("s", RunTrigger.MANUAL, false, Progress.NONE);
  }

  private AlertSender sender() {
    return AlertSender.create(config.alerts(), store, connectors.http(), clock, new AlertMetrics(registry));
  }

  private double count(String outcome) {
    return registry.counter("pql.alerts", "kind", "new_pqls", "outcome", outcome).count();
  }
}
