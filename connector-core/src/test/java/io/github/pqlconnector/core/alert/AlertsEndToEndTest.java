package io.github.pqlconnector.core.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run of 13 new PQLs: one Block Kit digest to Slack cut with "and 3 more", one signed body to the webhook. */
@WireMockTest
class AlertsEndToEndTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  MutableClock clock = new MutableClock(NOW);
  SimpleMeterRegistry registry = new SimpleMeterRegistry();
  PqlConfig config;
  StateStore store;
  Connectors connectors;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
    config = AlertFixtures.config(dir, wm.getHttpBaseUrl(), wm.getHttpBaseUrl() + "/pql", "");
    store = StateStore.open(config.state());
    connectors = new Connectors(Plugins.load(), clock);
    AlertFixtures.qualifyingUsers(dir.resolve("data"), 13, NOW.minusSeconds(3600));
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void newPqlsBecomeOneSlackDigestCutWithAndNMore() throws Exception {
    run();
    assertThat(sender().sendDue()).isEqualTo(2);
    JsonNode slack = JSON.readTree(only(AlertFixtures.SLACK_PATH).getBodyAsString());
    assertThat(slack.get("text").asText()).isEqualTo("13 new PQLs in s");
    JsonNode blocks = slack.get("blocks");
    assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
    assertThat(blocks.get(1).get("type").asText()).isEqualTo("section");
    String digest = blocks.get(1).get("text").get("text").asText();
    assertThat(digest).startsWith("*No owner*").contains("`user:u01` · score 80 · Sent 3 messages");
    assertThat(digest.lines().filter(l -> l.startsWith("• "))).hasSize(10);
    assertThat(blocks.toString()).contains("and 3 more");
    assertThat(registry.counter("pql.alerts", "kind", "new_pqls", "outcome", "sent").count()).isEqualTo(2);
  }

  @Test
  void webhookBodyIsSignedOverTimestampDotBody() throws Exception {
    run();
    sender().sendDue();
    LoggedRequest hook = only("/pql");
    String timestamp = hook.getHeader("X-PQL-Timestamp");
    assertThat(timestamp).isEqualTo(Long.toString(NOW.getEpochSecond()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(AlertFixtures.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + hook.getBodyAsString())
        .getBytes(StandardCharsets.UTF_8)));
    assertThat(hook.getHeader("X-PQL-Signature")).isEqualTo(expected);
    JsonNode body = JSON.readTree(hook.getBodyAsString());
    assertThat(body.get("kind").asText()).isEqualTo("new_pqls");
    assertThat(body.get("newPqls").get("total").asInt()).isEqualTo(13);
    assertThat(body.get("newPqls").get("more").asInt()).isEqualTo(3);
    assertThat(body.get("newPqls").get("top").get(0).get("entity").asText()).isEqualTo("user:u01");
  }

  @Test
  void aSecondRunWithNoNewPqlsSendsNothingMore() {
    run();
    sender().sendDue();
    clock.advance(java.time.Duration.ofMinutes(30));
    RunSummary again = run();
    assertThat(again.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
    assertThat(sender().sendDue()).isZero();
    WireMock.verify(2, postRequestedFor(anyUrl()));
  }

  @Test
  void planQueuesAndSendsNothing() {
    runner().plan("s", Progress.NONE);
    long pending = store.read(c -> new AlertDao().count(c, "PENDING"));
    assertThat(pending).isZero();
    assertThat(sender().sendDue()).isZero();
    WireMock.verify(0, anyRequestedFor(anyUrl()));
  }

  private RunSummary run() {
    return runner().run("s", RunTrigger.MANUAL, false, Progress.NONE);
  }

  private SyncRunner runner() {
    return new SyncRunner(config, store, connectors, AlertQueue.of(config.alerts(), store, clock,
        new AlertMetrics(registry)));
  }

  private AlertSender sender() {
    return AlertSender.create(config.alerts(), store, connectors.http(), clock, new AlertMetrics(registry));
  }

  private static LoggedRequest only(String path) {
    List<LoggedRequest> found = WireMock.findAll(postRequestedFor(urlEqualTo(path)));
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
