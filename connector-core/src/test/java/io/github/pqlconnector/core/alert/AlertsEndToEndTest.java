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
import io.github.pqlconnector.core.state.AlertDao;
import io.github.pqlconnector.core.sync.Progress;
import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.testing.AlertRig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  AlertRig rig;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
    rig = new AlertRig(dir, wm.getHttpBaseUrl(), wm.getHttpBaseUrl() + "/pql", "", 13);
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void newPqlsBecomeOneSlackDigestCutWithAndNMore() throws Exception {
    rig.run();
    assertThat(rig.sender().sendDue()).isEqualTo(2);
    JsonNode slack = JSON.readTree(only(AlertRig.SLACK_PATH).getBodyAsString());
    assertThat(slack.get("text").asText()).isEqualTo("13 new PQLs in s");
    JsonNode blocks = slack.get("blocks");
    assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
    assertThat(blocks.get(1).get("type").asText()).isEqualTo("section");
    String digest = blocks.get(1).get("text").get("text").asText();
    assertThat(digest).startsWith("*No owner*").contains("`user:u01` · score 80 · Sent 3 messages");
    assertThat(digest.lines().filter(l -> l.startsWith("• "))).hasSize(10);
    assertThat(blocks.toString()).contains("and 3 more");
    assertThat(rig.count("new_pqls", "sent")).isEqualTo(2);
  }

  @Test
  void webhookBodyIsSignedOverTimestampDotBody() throws Exception {
    rig.run();
    rig.sender().sendDue();
    LoggedRequest hook = only("/pql");
    String timestamp = hook.getHeader("X-PQL-Timestamp");
    assertThat(timestamp).isEqualTo(Long.toString(AlertRig.NOW.getEpochSecond()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(AlertRig.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
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
    rig.run();
    rig.sender().sendDue();
    rig.clock.advance(java.time.Duration.ofMinutes(30));
    RunSummary again = rig.run();
    assertThat(again.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
    assertThat(rig.sender().sendDue()).isZero();
    WireMock.verify(2, postRequestedFor(anyUrl()));
  }

  @Test
  void sentAlertsAreForgottenAfterThirtyDays() {
    rig.run();
    rig.sender().sendDue();
    rig.clock.advance(AlertSender.KEEP.minusSeconds(1));
    rig.sender().prune();
    long kept = rig.store.read(c -> new AlertDao().count(c, "SENT"));
    assertThat(kept).isEqualTo(2);
    rig.clock.advance(java.time.Duration.ofSeconds(2));
    rig.sender().prune();
    long left = rig.store.read(c -> new AlertDao().count(c, "SENT"));
    assertThat(left).isZero();
  }

  @Test
  void planQueuesAndSendsNothing() {
    rig.runner().plan("s", Progress.NONE);
    long pending = rig.store.read(c -> new AlertDao().count(c, "PENDING"));
    assertThat(pending).isZero();
    assertThat(rig.sender().sendDue()).isZero();
    WireMock.verify(0, anyRequestedFor(anyUrl()));
  }

  private static LoggedRequest only(String path) {
    List<LoggedRequest> found = WireMock.findAll(postRequestedFor(urlEqualTo(path)));
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
