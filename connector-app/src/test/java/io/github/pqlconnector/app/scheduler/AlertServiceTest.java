package io.github.pqlconnector.app.scheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.pqlconnector.core.alert.AlertMetrics;
import io.github.pqlconnector.core.alert.AlertQueue;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.SyncRunner;
import io.github.pqlconnector.core.testing.Dataset;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts side of {@code pql serve} on a real scheduler: a sync firing every second whose destination cannot be
 * written fails each run; the daemon sends one run_failed (the rest are throttled) and, once three fires passed
 * without a success, one stalled alert.
 */
class AlertServiceTest {
  @TempDir Path dir;
  final WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
  StateStore store;
  SchedulerService scheduler;
  AlertService alerts;

  @AfterEach
  void stop() {
    if (alerts != null) {
      alerts.close();
    }
    if (scheduler != null) {
      scheduler.close();
    }
    if (store != null) {
      store.close();
    }
    receiver.stop();
  }

  @Test
  void aFailingScheduledSyncRaisesOneRunFailedAndThenStalled() throws Exception {
    receiver.start();
    receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
    new Dataset(dir).user("u1", "ana@acme.io", "a1").events("message_sent", 3, "u1", "a1", Instant.now());
    Files.writeString(dir.resolve("blocker"), "a file where the destination wants a directory");
    PqlConfig config = new ConfigLoader(Plugins.load(), Map.of("PQL_WEBHOOK_SECRET", "svc-secret")::get).parse("""
        state: { url: "jdbc:h2:file:%1$s/state" }
        model: { levels: [user], metrics: { m: { count: message_sent } } }
        sources: { src: { type: testjsonl, directory: "%1$s" } }
        destinations: { crm: { type: csv, directory: "%1$s/blocker/out" } }
        syncs: [ { name: s1, source: src, destination: crm, cron: "* * * * * ?" } ]
        alerts:
          webhook: { url: "%2$s/pql", secret: "${PQL_WEBHOOK_SECRET}" }
          on: [run_failed, stalled]
        """.formatted(dir.toString().replace("\\", "/"), receiver.baseUrl()));
    store = StateStore.open(config.state());
    Connectors connectors = new Connectors(Plugins.load(), Clock.systemUTC());
    AlertMetrics metrics = new AlertMetrics(new SimpleMeterRegistry());
    scheduler = new SchedulerService(store, config.state(), SchedulerSettings.defaults(),
        cfg -> new SyncRunner(cfg, store, connectors, AlertQueue.of(cfg.alerts(), store, connectors.clock(), metrics)),
        run -> { });
    scheduler.start(config);
    alerts = new AlertService(scheduler::config, store, connectors, metrics, scheduler, Duration.ofSeconds(1));
    alerts.start();
    await().atMost(Duration.ofSeconds(40)).until(() -> kinds().contains("stalled"));
    assertThat(kinds()).containsOnlyOnce("run_failed").containsOnlyOnce("stalled");
  }

  private List<String> kinds() {
    return receiver.findAll(postRequestedFor(urlEqualTo("/pql"))).stream().map(r -> r.getHeader("X-PQL-Alert"))
        .toList();
  }
}
