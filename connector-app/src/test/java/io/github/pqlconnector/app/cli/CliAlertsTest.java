package io.github.pqlconnector.app.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.pqlconnector.app.testing.SmallProduct;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands and alerts: {@code pql validate} checks the receivers without posting, {@code pql plan} sends nothing,
 * {@code pql run} delivers its alerts before it exits. Secrets come from files, as {@code ${file:…}} allows.
 */
class CliAlertsTest {
  static final String SLACK_PATH = "/services/T0CLI/B0CLI/cliSlackS3cret";

  @TempDir Path dir;
  final WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
  Path config;

  @BeforeEach
  void setUp() throws Exception {
    receiver.start();
    receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
    Instant now = Instant.now();
    Files.writeString(dir.resolve("events.jsonl"), ("{\"event\":\"pricing_viewed\",\"timestamp\":\"%s\","
        + "\"userId\":\"u1\",\"accountId\":\"a1\"}\n").formatted(now.minusSeconds(5))
        + ("{\"event\":\"message_sent\",\"timestamp\":\"%s\",\"userId\":\"u1\",\"accountId\":\"a1\"}\n")
        .formatted(now.minusSeconds(60)).repeat(25));
    Files.writeString(dir.resolve("users.csv"), "id,email,accountId\nu1,ana@acme.io,a1\n");
    Files.writeString(dir.resolve("accounts.csv"), "id,name,domain,employees,country\na1,Acme,acme.io,120,DE\n");
    Files.writeString(dir.resolve("slack-url"), "https://hooks.slack.com" + SLACK_PATH);
    Files.writeString(dir.resolve("webhook-secret"), "cli-webhook-secret");
    config = dir.resolve("pql.yaml");
    String home = dir.toString().replace("\\", "/");
    Files.writeString(config, SmallProduct.config(dir, null) + """
        alerts:
          slack: { webhookUrl: "${file:%1$s/slack-url}", baseUrl: "%2$s" }
          webhook: { url: "%2$s/pql", secret: "${file:%1$s/webhook-secret}" }
        """.formatted(home, receiver.baseUrl()));
  }

  @AfterEach
  void tearDown() {
    receiver.stop();
  }

  @Test
  void validateChecksTheReceiversWithoutPosting() {
    Cli validate = Cli.pql("validate", "-c", config.toString());
    assertThat(validate.code()).as(validate.err()).isZero();
    assertThat(validate.out()).contains("ok   alerts.slack (slack): an incoming-webhook URL of Slack's shape (not posted)")
        .contains("ok   alerts.webhook (webhook): posts to http://localhost, signed with the secret (not posted)")
        .doesNotContain("cliSlackS3cret");
    receiver.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void planSendsNothingAndRunDeliversBeforeItExits() {
    Cli plan = Cli.pql("plan", "-c", config.toString());
    assertThat(plan.code()).as(plan.err()).isZero();
    receiver.verify(0, anyRequestedFor(anyUrl()));
    Cli run = Cli.pql("run", "-c", config.toString());
    assertThat(run.code()).as(run.err()).isZero();
    receiver.verify(1, postRequestedFor(urlEqualTo(SLACK_PATH)));
    receiver.verify(1, postRequestedFor(urlEqualTo("/pql")));
    assertThat(run.out() + run.err()).doesNotContain("cliSlackS3cret");
  }
}
