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
import io.github.pqlconnector.core.config.AlertsConfig;
import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.state.AlertDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two senders (two nodes, each with its own pool) on one PostgreSQL state database deliver 40 queued alerts at the
 * same time: the receiver gets each exactly once; and the throttle, retries, giving up and the run-history note run on
 * PostgreSQL's SQL too. Skipped without PostgreSQL, a failure under CI=true.
 */
@WireMockTest
class PostgresAlertClusterTest {
  static final int ALERTS = 40;
  StateConfig state;
  StateStore nodeA;
  StateStore nodeB;

  @BeforeEach
  void setUp() {
    state = TestDatabases.postgres();
    nodeA = StateStore.open(state);
    nodeB = StateStore.open(state);
  }

  @AfterEach
  void tearDown() {
    nodeA.close();
    nodeB.close();
    TestDatabases.dropPostgres(state);
  }

  @Test
  void twoSendersSendEachAlertOnce(WireMockRuntimeInfo wm) throws Exception {
    stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(20)));
    AlertsConfig config = new AlertsConfig(null, new AlertsConfig.Webhook(wm.getHttpBaseUrl() + "/pql",
        new Secret("cluster-secret")), null, Duration.ZERO);
    AlertQueue queue = new AlertQueue(config, nodeA, Clock.systemUTC(), new AlertMetrics(new SimpleMeterRegistry()));
    for (int i = 0; i < ALERTS; i++) {
      queue.raise(new Alert("run_failed", "sync-" + i, (long) i, Clock.systemUTC().instant(), "t", List.of(), null));
    }
    HttpClients http = new HttpClients();
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> a = nodes.submit(() -> drain(sender(nodeA, config, http, "node-a")));
      Future<Integer> b = nodes.submit(() -> drain(sender(nodeB, config, http, "node-b")));
      assertThat(a.get() + b.get()).isEqualTo(ALERTS);
      assertThat(a.get()).as("both nodes took part").isPositive();
      assertThat(b.get()).as("both nodes took part").isPositive();
    } finally {
      nodes.shutdownNow();
      http.shutdown();
    }
    WireMock.verify(ALERTS, postRequestedFor(urlEqualTo("/pql")));
    Map<String, Long> perDelivery = WireMock.findAll(postRequestedFor(urlEqualTo("/pql"))).stream()
        .collect(Collectors.groupingBy(r -> r.getHeader("X-PQL-Delivery"), Collectors.counting()));
    assertThat(perDelivery).hasSize(ALERTS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    long sent = nodeA.read(c -> new AlertDao().count(c, "SENT"));
    assertThat(sent).isEqualTo(ALERTS);
  }

  @Test
  void retriesGivingUpAndTroubleNotesWorkOnPostgres(WireMockRuntimeInfo wm) {
    stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));
    AlertsConfig config = new AlertsConfig(null, new AlertsConfig.Webhook(wm.getHttpBaseUrl() + "/pql",
        new Secret("cluster-secret")), null, null);
    AlertQueue queue = new AlertQueue(config, nodeA, Clock.systemUTC(), new AlertMetrics(new SimpleMeterRegistry()));
    assertThat(queue.raise(new Alert("run_failed", "s", 1L, Clock.systemUTC().instant(), "t", List.of(), null)))
        .isTrue();
    assertThat(queue.raise(new Alert("run_failed", "s", 2L, Clock.systemUTC().instant(), "t", List.of(), null)))
        .as("throttled").isFalse();
    List<AlertReceiver> receivers = AlertReceivers.from(config);
    HttpClients http = new HttpClients();
    AlertSender sender = new AlertSender(nodeA, receivers, new AlertPoster(http, receivers), Clock.systemUTC(),
        new AlertMetrics(new SimpleMeterRegistry()), "node-a", new AlertSender.Backoff(Duration.ZERO, Duration.ZERO, 2));
    try {
      sender.sendDue();
      sender.sendDue();
    } finally {
      http.shutdown();
    }
    long failed = nodeA.read(c -> new AlertDao().count(c, "FAILED"));
    assertThat(failed).isEqualTo(1);
    assertThat(queue.notes("s")).singleElement().asString()
        .isEqualTo("alerts to webhook are failing: 0 being retried, 1 given up in the last day; last error: HTTP 500");
  }

  private static AlertSender sender(StateStore store, AlertsConfig config, HttpClients http, String node) {
    List<AlertReceiver> receivers = AlertReceivers.from(config);
    return new AlertSender(store, receivers, new AlertPoster(http, receivers), Clock.systemUTC(),
        new AlertMetrics(new SimpleMeterRegistry()), node, AlertSender.Backoff.DEFAULT);
  }

  /** Passes until one finds nothing due; each pass sees every row, so the two race for all of them. */
  private static int drain(AlertSender sender) {
    int sent = 0;
    for (int pass = sender.sendDue(); pass > 0; pass = sender.sendDue()) {
      sent += pass;
    }
    return sent;
  }
}
