package io.github.pqlconnector.core.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import io.github.pqlconnector.core.state.AlertDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Progress;
import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.sync.RunTrigger;
import io.github.pqlconnector.core.sync.SyncRunner;
import io.github.pqlconnector.core.testing.AlertRig;
import java.nio.file.Path;
import java.time.Duration;
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
  @TempDir Path dir;
  AlertRig rig;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(AlertRig.SLACK_PATH)).willReturn(aResponse().withStatus(200)));
    rig = new AlertRig(dir, wm.getHttpBaseUrl(), wm.getHttpBaseUrl() + "/pql", "on: [new_pqls]", 2);
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void failingReceiverIsRetriedWithBackoffThenSentAndTheRunNeverFails() {
    failTwiceThenAccept();
    assertThat(rig.run().status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
    AlertSender sender = rig.sender();
    assertThat(sender.sendDue()).as("Slack took it, the webhook answered 500").isEqualTo(1);
    rig.clock.advance(Duration.ofSeconds(29));
    assertThat(sender.sendDue()).as("not due before 30 s").isZero();
    rig.clock.advance(Duration.ofSeconds(1));
    assertThat(sender.sendDue()).as("second 500").isZero();
    rig.clock.advance(Duration.ofSeconds(59));
    assertThat(sender.sendDue()).as("not due before 60 s more").isZero();
    WireMock.verify(2, postRequestedFor(urlEqualTo("/pql")));
    rig.clock.advance(Duration.ofSeconds(1));
    assertThat(sender.sendDue()).isEqualTo(1);
    WireMock.verify(3, postRequestedFor(urlEqualTo("/pql")));
    assertThat(rig.count("new_pqls", "retried")).isEqualTo(2);
    assertThat(rig.count("new_pqls", "sent")).isEqualTo(2);
  }

  @Test
  void aReceiverThatKeepsFailingIsGivenUpAndShownInTheNextRunsHistory() {
    stubFor(post(urlEqualTo("/pql")).willReturn(aResponse().withStatus(503)));
    rig.run();
    AlertSender sender = new AlertSender(rig.store, AlertReceivers.from(rig.config.alerts()),
        new AlertPoster(rig.connectors.http(), AlertReceivers.from(rig.config.alerts())), rig.clock, rig.metrics(),
        "node-a", new AlertSender.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 3));
    for (int i = 0; i < 3; i++) {
      sender.sendDue();
      rig.clock.advance(Duration.ofSeconds(1));
    }
    WireMock.verify(3, postRequestedFor(urlEqualTo("/pql")));
    assertThat(rig.count("new_pqls", "failed")).isEqualTo(1);
    long failed = rig.store.read(c -> new AlertDao().count(c, "FAILED"));
    assertThat(failed).isEqualTo(1);
    RunSummary next = rig.run();
    assertThat(next.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
    assertThat(next.report().destinationNotes()).anyMatch(n -> n.startsWith("alerts to webhook are failing:")
        && n.contains("1 given up") && n.contains("HTTP 503"));
  }

  @Test
  void aPermanentRefusalIsGivenUpAtOnce() {
    stubFor(post(urlEqualTo("/pql")).willReturn(aResponse().withStatus(410)));
    rig.run();
    rig.sender().sendDue();
    rig.clock.advance(Duration.ofHours(1));
    rig.sender().sendDue();
    WireMock.verify(1, postRequestedFor(urlEqualTo("/pql")));
    assertThat(rig.count("new_pqls", "failed")).isEqualTo(1);
  }

  @Test
  void anUnreachableReceiverNeitherBlocksNorFailsTheRun() {
    PqlConfig unreachable = AlertRig.config(dir, "http://127.0.0.1:9", "http://127.0.0.1:9/pql", "");
    RunSummary summary = new SyncRunner(unreachable, rig.store, rig.connectors, AlertQueue.of(unreachable.alerts(),
        rig.store, rig.clock, rig.metrics())).run("s", RunTrigger.MANUAL, false, Progress.NONE);
    assertThat(summary.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
    assertThat(AlertSender.create(unreachable.alerts(), rig.store, rig.connectors.http(), rig.clock,
        rig.metrics()).sendDue()).isZero();
    assertThat(rig.count("new_pqls", "retried")).isEqualTo(2);
  }

  @Test
  void anAlertQueueThatThrowsNeverFailsTheRun() {
    rig.store.close();   // every write of the queue fails from here on; the runner's own store is another one
    try (StateStore runs = StateStore.open(rig.config.state())) {
      RunSummary summary = new SyncRunner(rig.config, runs, rig.connectors, new AlertQueue(rig.config.alerts(),
          rig.store, rig.clock, rig.metrics())).run("s", RunTrigger.MANUAL, false, Progress.NONE);
      assertThat(summary.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
    } finally {
      rig.store = StateStore.open(rig.config.state());
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
}
